"""The engine's pipeline against its floor: parsing the scenario's two URLs with ada-url plus two PSL look-ups.

Budget (issue 10): the whole pipeline (load, evaluate all six types, to_dict) costs at most 25x that
baseline, measured in the same run, in CPU time. The other rows are for information.
Run: python benchmarks/core_evaluate.py
"""

from __future__ import annotations

import argparse

import ada_url
from _common import interleaved_medians, per_call_seconds, verdict_line

import policy_core
from policy_core import origins, sites
from policy_core.resources import EVALUATORS

PAGE, TARGET = "https://app.example.com/dashboard", "https://api.example.com/v1/items"
ALL_SIX = {
    "version": 1,
    "page": PAGE,
    "target": TARGET,
    "resources": [r for r in policy_core.RESOURCE_TYPES if r in EVALUATORS],
    "request": {
        "method": "PUT",
        "credentials": "include",
        "crossorigin": "use-credentials",
        "headers": [["Content-Type", "application/json"], ["X-Trace", "1"]],
    },
    "preflight": {
        "status": 204,
        "headers": [
            ["Access-Control-Allow-Origin", "https://app.example.com"],
            ["Access-Control-Allow-Credentials", "true"],
            ["Access-Control-Allow-Methods", "GET, PUT"],
            ["Access-Control-Allow-Headers", "content-type, x-trace"],
        ],
    },
    "response": {
        "status": 200,
        "headers": [
            ["Access-Control-Allow-Origin", "https://app.example.com"],
            ["Access-Control-Allow-Credentials", "true"],
            ["Vary", "Origin"],
        ],
    },
    "cookie": "sid=1; Path=/; Secure; HttpOnly; SameSite=Lax",
}
DOM_ONLY = {"version": 1, "page": PAGE, "target": TARGET, "resources": ["dom"]}
CALLS = 2000
PIPELINE = "load + evaluate all six + to_dict"
BUDGET = 25


def baseline() -> None:
    ada_url.URL(PAGE)
    ada_url.URL(TARGET)
    sites._PSL.extract_str("app.example.com")
    sites._PSL.extract_str("api.example.com")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--calls", type=int, default=CALLS, help="calls per measurement")
    parser.add_argument("--rounds", type=int, default=9, help="rounds, the cases alternating")
    args = parser.parse_args()
    calls = args.calls
    all_six = policy_core.load_scenario(ALL_SIX)
    dom_only = policy_core.load_scenario(DOM_ONLY)
    # The same scenario asked about one resource type at a time (issue 3: a fetch design check).
    singles = {
        kind: policy_core.load_scenario({**ALL_SIX, "resources": [kind]}) for kind in ALL_SIX["resources"]
    }

    def evaluate_cold(scenario: policy_core.Scenario) -> None:
        # No help from the PSL and site caches: as if the two hosts were new.
        sites.registrable_domain.cache_clear()
        sites._tuple_site.cache_clear()
        policy_core.evaluate(scenario)

    def pipeline() -> None:
        policy_core.evaluate(policy_core.load_scenario(ALL_SIX)).to_dict()

    def pipeline_cold() -> None:
        # The only caches that outlive an evaluation: URL parsing and the PSL (sites).
        origins._parse.cache_clear()
        sites.registrable_domain.cache_clear()
        sites._tuple_site.cache_clear()
        pipeline()

    cases = {
        "baseline: 2 ada parses + 2 PSL look-ups": lambda: per_call_seconds(baseline, calls),
        "evaluate, dom only": lambda: per_call_seconds(lambda: policy_core.evaluate(dom_only), calls),
        **{
            f"evaluate, {kind} only": (
                lambda s=scenario: per_call_seconds(lambda: policy_core.evaluate(s), calls)
            )
            for kind, scenario in singles.items()
            if kind != "dom"
        },
        f"evaluate, {len(ALL_SIX['resources'])} types": lambda: per_call_seconds(
            lambda: policy_core.evaluate(all_six), calls
        ),
        f"evaluate, {len(ALL_SIX['resources'])} types, PSL cache cleared": lambda: per_call_seconds(
            lambda: evaluate_cold(all_six), calls
        ),
        PIPELINE: lambda: per_call_seconds(pipeline, calls),
        f"{PIPELINE}, URL and PSL caches cleared": lambda: per_call_seconds(pipeline_cold, calls),
    }
    medians = interleaved_medians(cases, rounds=args.rounds)
    base = medians.pop("baseline: 2 ada parses + 2 PSL look-ups")
    print(f"baseline (2 ada-url parses + 2 PSL look-ups): {base * 1e6:.1f} us")
    for name, seconds in medians.items():
        if name == PIPELINE:
            print(f"{name}: {seconds * 1e6:.1f} us  ->  " + verdict_line("ratio", seconds / base, BUDGET))
        else:
            print(f"{name}: {seconds * 1e6:.1f} us  ->  ratio: {seconds / base:.2f}x (for information)")
    print(f"resource types evaluated: {', '.join(ALL_SIX['resources'])}")


if __name__ == "__main__":
    main()
