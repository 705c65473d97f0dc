"""The vendored conformance data is the data named in PROVENANCE.md, byte for byte."""

import hashlib
from pathlib import Path

import pytest

HERE = Path(__file__).parent
EXPECTED = {
    "urltestdata.json": "355c9f1e5f34aae66ba8adfabf3c853f5cd30ea22964ef7a53eb292e7975d81e",
    "test_psl.txt": "8f50ad958916d6a8f79fba2363501475571acce752757f9126fe9d2f17dd920d",
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_vendored_file_is_unchanged(name: str) -> None:
    digest = hashlib.sha256((HERE / name).read_bytes()).hexdigest()
    assert digest == EXPECTED[name]
    assert EXPECTED[name] in (HERE / "PROVENANCE.md").read_text()
