"""Outputs and inputs spelt in odd ways, as a careless or hostile user gives them: nothing is lost, nothing is
read from outside the inputs' folders, and every mistake ends in a message and a documented status."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Inputs
from helpers import cli


def given(inputs: Inputs) -> list[str]:
    return ["--content", str(inputs.content), "--brand", str(inputs.brand)]


def test_a_source_that_is_a_symlink_loop_is_an_error_at_the_file_not_an_internal_error(
    inputs: Inputs, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    loop = tmp_path / "es.yaml"
    loop.symlink_to(loop.name)
    status, out, err = cli(capsys, "check", *given(inputs), "--source", str(loop))
    assert status == 1, err
    assert out == ""
    assert err.startswith(f"{loop}: error: cannot read the source content file: ") and "internal error" not in err
