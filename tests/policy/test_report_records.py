"""The fast record builders in report.py make the same records as calling the classes."""

from __future__ import annotations

from policy_core.report import INFO, PASS, Console, Step, Trace, Verdict, new_record


def test_new_record_is_the_class_called_with_every_field() -> None:
    fields = ("fetch.read", PASS, "summary", "detail", "Fetch § 4.10 CORS check")
    step = new_record(Step, fields)
    assert type(step) is Step
    assert step == Step(*fields)
    assert step.id == "fetch.read" and step.spec == "Fetch § 4.10 CORS check"
    assert repr(step) == repr(Step(*fields))

    verdict = new_record(Verdict, ("dom", (("access", True),), (step,), Console(), (), (), ()))
    assert verdict == Verdict("dom", (("access", True),), (step,))
    assert verdict.to_dict() == Verdict("dom", (("access", True),), (step,)).to_dict()


def test_trace_turns_plain_tuples_into_steps_in_order() -> None:
    trace = Trace()
    assert trace.to_steps() == ()
    trace.add(("a.one", PASS, "first", "first detail", "spec 1"))
    trace.extend([("a.two", INFO, "second", "", "spec 2"), ("a.three", PASS, "third", "x", "spec 3")])
    steps = trace.to_steps()
    assert all(type(step) is Step for step in steps)
    assert [step.id for step in steps] == ["a.one", "a.two", "a.three"]
    assert steps[1] == Step("a.two", INFO, "second", "", "spec 2")
    # Each Step is a record of its own, not the tuple that was added.
    assert steps[0] is not trace[0]
