"""The pure policy engine: a scenario in, a report out.

No UI, no network, no clock. Reading a scenario file named by the caller is the only I/O.
"""

from .errors import ScenarioError
from .evaluate import evaluate
from .loader import VALID_EXPECTATIONS, load_scenario, parse_scenario_text, read_scenario_file
from .origins import Origin, Url, is_potentially_trustworthy, origin_diff, parse_url, same_origin
from .report import BrowserDifference, Console, Endpoint, ExpectationResult, Report, Step, Verdict
from .scenario import (
    CAPABILITIES,
    RESOURCE_TYPES,
    Cookie,
    Expectation,
    HttpResponse,
    Redirect,
    Request,
    Scenario,
)
from .sites import Site, registrable_domain, same_site, site_of

__version__ = "0.1.0"

__all__ = [
    "CAPABILITIES",
    "RESOURCE_TYPES",
    "VALID_EXPECTATIONS",
    "BrowserDifference",
    "Console",
    "Cookie",
    "Endpoint",
    "Expectation",
    "ExpectationResult",
    "HttpResponse",
    "Origin",
    "Redirect",
    "Report",
    "Request",
    "Scenario",
    "ScenarioError",
    "Site",
    "Step",
    "Url",
    "Verdict",
    "evaluate",
    "is_potentially_trustworthy",
    "load_scenario",
    "origin_diff",
    "parse_scenario_text",
    "parse_url",
    "read_scenario_file",
    "registrable_domain",
    "same_origin",
    "same_site",
    "site_of",
]
