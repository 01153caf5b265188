"""The package as users meet it: public API, lazy constructs, no jsii in the pure core, installable with pip."""

from __future__ import annotations

import inspect
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

import iam_patterns

ROOT = Path(__file__).resolve().parents[2]


def test_all_is_sorted():
    assert iam_patterns.__all__ == sorted(iam_patterns.__all__)


def test_all_names_every_public_class_and_function_and_nothing_else():
    defined = {
        name
        for name, value in vars(iam_patterns).items()
        if not name.startswith("_")
        and (inspect.isclass(value) or inspect.isfunction(value))
        and value.__module__.startswith("iam_patterns")
    }
    exported = set(iam_patterns.__all__)
    assert defined <= exported
    assert exported == defined | set(iam_patterns._LAZY_CONSTRUCTS)


def test_unknown_attributes_raise_attribute_error():
    with pytest.raises(AttributeError, match="has no attribute 'NoSuchRole'"):
        iam_patterns.NoSuchRole  # noqa: B018


def _run(code: str, **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, **kwargs)


def test_the_pure_core_never_imports_aws_cdk():
    code = (
        "import sys, pkgutil, importlib, iam_patterns\n"
        "pure = [m.name for m in pkgutil.walk_packages(iam_patterns.__path__, 'iam_patterns.')\n"
        "        if not m.name.startswith('iam_patterns.constructs') and m.name != 'iam_patterns.__main__']\n"
        "for name in pure: importlib.import_module(name)\n"
        "leaked = sorted(m for m in sys.modules if m.startswith(('aws_cdk', 'jsii')))\n"
        "print(len(pure), leaked)\n"
    )
    count, leaked = _run(code, cwd=ROOT).stdout.split(" ", 1)
    assert int(count) >= 8
    assert leaked.strip() == "[]"


def test_constructs_load_on_first_use():
    out = _run(
        "import sys, iam_patterns\n"
        "before = 'aws_cdk' in sys.modules\n"
        "iam_patterns.to_cdk_document\n"
        "print(before, 'aws_cdk' in sys.modules)\n",
        cwd=ROOT,
        env={**os.environ, "JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION": "20"},
    ).stdout
    assert out.split() == ["False", "True"]


def test_the_command_line_reports_its_version():
    out = _run("from iam_patterns.cli import main; main(['--version'])", cwd=ROOT)
    assert out.stdout.strip() == f"iam-patterns {iam_patterns.__version__}"


def test_pip_install_makes_the_package_importable_elsewhere(tmp_path):
    """``pip install .`` into a fresh venv: importable from another folder, typed, with a console command."""
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "--disable-pip-version-check", "--wheel-dir", str(wheels), str(ROOT)],
        check=True, capture_output=True, cwd=tmp_path,
    )
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [python, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", "--disable-pip-version-check",
         *map(str, wheels.glob("*.whl"))],
        check=True, capture_output=True, cwd=tmp_path,
    )
    probe = (
        "import pathlib, iam_patterns\n"
        "from iam_patterns import s3_prefix_access\n"
        "print(s3_prefix_access('my-app-uploads-prod', 'reports/').statements[1].action)\n"
        "print(pathlib.Path(iam_patterns.__file__).parent.joinpath('py.typed').is_file())\n"
        "print(pathlib.Path(iam_patterns.__file__).is_relative_to(pathlib.Path(r'%s')))\n" % env_dir
    )
    out = subprocess.run([python, "-c", probe], capture_output=True, text=True, check=True, cwd=tmp_path)
    assert out.stdout.split() == ["s3:ListBucket", "True", "True"]
    command = subprocess.run([env_dir / "bin" / "iam-patterns", "--version"], capture_output=True, text=True)
    assert command.stdout.strip() == f"iam-patterns {iam_patterns.__version__}"
