"""The parameters of a report notebook: declared in its ``parameters`` cell, checked before a run.

papermill only warns about a parameter name that a notebook does not declare, and writes any
value into the notebook as Python source. Here unknown names and wrongly typed values are
refused with the valid choices listed, paths are made absolute (the kernel runs in the output
folder) and values are reduced to plain JSON-like data, all before a kernel starts.

Example:
    >>> sorted(notebook_parameters(report_notebook()))
    ['analysis_dir', 'articles', 'codes', 'group_by', 'max_views', 'output_dir', 'pair_by', 'period', 'targets',
     'title']
"""

from __future__ import annotations

import ast
import importlib.resources
import os
from collections.abc import Mapping
from os import PathLike
from pathlib import Path
from typing import Any

from newslab.errors import ParameterError, ReportError
from newslab.lean_imports import jupyter_imports

PathArg = str | PathLike[str]


#: Parameters whose string values are paths: made absolute before the run, because the
#: kernel runs inside the output folder, not in the caller's working directory.
PATH_PARAMETERS = frozenset({"articles", "data_path", "analysis_dir", "codes"})


#: Parameter the runner fills in itself (the notebook writes its files there).
OUTPUT_PARAMETER = "output_dir"


def report_notebook() -> Path:
    """Path of the packaged report notebook (``newslab/notebooks/report.ipynb``).

    Returns:
        A file path; it exists in a source checkout and in an installed package.

    Example:
        >>> report_notebook().is_file()
        True
    """
    resource = importlib.resources.files("newslab") / "notebooks" / "report.ipynb"
    if not resource.is_file():
        raise ReportError("the packaged report notebook newslab/notebooks/report.ipynb is missing; reinstall newslab")
    return Path(str(resource))


def notebook_parameters(notebook: PathArg) -> dict[str, dict[str, Any]]:
    """The parameters a notebook declares in its cell tagged ``parameters``.

    Args:
        notebook: Path of an ``.ipynb`` file.

    Returns:
        Parameter name -> papermill's description (``name``, ``inferred_type_name``,
        ``default`` as source text, ``help`` from the trailing comment).

    Example:
        >>> notebook_parameters(report_notebook())["title"]["inferred_type_name"]
        'str'
    """
    with jupyter_imports():
        import papermill

    path = existing_notebook(notebook)
    try:
        return dict(papermill.inspect_notebook(str(path)))
    except Exception as err:  # malformed JSON, not a notebook
        raise ReportError(f"cannot read the parameters of {path}: {err}") from err


def existing_notebook(notebook: PathArg) -> Path:
    """``notebook`` as a Path; ParameterError unless it is an existing ``.ipynb`` file."""
    path = Path(notebook)
    if path.suffix != ".ipynb":
        raise ParameterError(f"notebook={str(notebook)!r}; expected an .ipynb file")
    if not path.is_file():
        raise ParameterError(f"notebook={str(notebook)!r} does not exist")
    return path


def check_parameters(parameters: Mapping[str, Any], notebook: PathArg) -> None:
    """Raise if ``parameters`` names something the notebook's ``parameters`` cell does not declare.

    papermill itself only warns about unknown names, which silently ignores a typo.

    Args:
        parameters: Name -> value, as passed to :func:`run_report`.
        notebook: The notebook they are meant for.

    Raises:
        ParameterError: An unknown name, or ``output_dir`` (the runner sets that one).

    Example:
        >>> check_parameters({"title": "NATO"}, report_notebook())
        >>> check_parameters({"titel": "NATO"}, report_notebook())
        Traceback (most recent call last):
        ...
        newslab.errors.ParameterError: unknown parameter 'titel' for report.ipynb; valid: [...]
    """
    check_parameter_names(parameters, notebook_parameters(notebook), Path(notebook).name)


#: Python types a value may have for papermill's inferred type name (its outer type only).
_TYPES: dict[str, tuple[type, ...]] = {
    "str": (str, PathLike),
    "int": (int,),
    "float": (int, float),
    "bool": (bool,),
    "list": (list, tuple),
    "dict": (dict, Mapping),
}


def check_parameter_types(parameters: Mapping[str, Any], declared: Mapping[str, Any], notebook_name: str) -> None:
    """Raise ParameterError for a value whose outer type differs from the declared one (``list[str]`` -> a list)."""
    for name, value in parameters.items():
        declared_type = str(declared.get(name, {}).get("inferred_type_name", "None"))
        outer = declared_type.split("[", 1)[0].strip().lower()
        allowed = _TYPES.get(outer)
        wrong = allowed is not None and (not isinstance(value, allowed) or (outer == "int" and isinstance(value, bool)))
        if wrong:
            raise ParameterError(
                f"parameter {name!r} of {notebook_name} is {declared_type}, got {type(value).__name__} {value!r}"
            )


def check_parameter_names(parameters: Mapping[str, Any], declared: Mapping[str, Any], notebook_name: str) -> None:
    """Raise ParameterError for a name the notebook does not declare, or for ``output_dir`` (the runner sets it)."""
    valid = sorted(name for name in declared if name != OUTPUT_PARAMETER)
    for name in parameters:
        if name == OUTPUT_PARAMETER:
            raise ParameterError(f"pass output_dir=... to run_report, not as a notebook parameter; valid: {valid}")
        if name not in declared:
            raise ParameterError(f"unknown parameter {name!r} for {notebook_name}; valid: {valid}")


def absolute_paths(parameters: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of ``parameters`` with the values of :data:`PATH_PARAMETERS` made absolute ("" stays "")."""
    resolved = dict(parameters)
    for name in PATH_PARAMETERS & set(resolved):
        value = resolved[name]
        if isinstance(value, (str, PathLike)):
            resolved[name] = str(Path(value).resolve()) if str(value) else ""
        elif isinstance(value, (list, tuple)):
            resolved[name] = [str(Path(item).resolve()) for item in value]
    return resolved


def plain_value(name: str, value: Any) -> Any:
    """``value`` as plain JSON-like data (str, number, bool, None, list, dict with str keys).

    papermill writes parameters into the notebook as Python source; for any other type it
    falls back to an unescaped ``str(value)`` in quotes, so a Path or tuple holding a quote
    would become code. Paths become strings, tuples lists and mappings dicts; anything else
    is refused.
    """
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ParameterError(f"parameter {name!r} is {value!r}; give a finite number")
        return value
    if isinstance(value, PathLike):
        return os.fspath(value)
    if isinstance(value, (list, tuple)):
        return [plain_value(name, item) for item in value]
    if isinstance(value, Mapping):
        return {str(plain_value(name, key)): plain_value(name, item) for key, item in value.items()}
    raise ParameterError(
        f"parameter {name!r} holds a {type(value).__name__}; give strings, numbers, lists or dicts of them"
    )


def page_title(parameters: Mapping[str, Any], declared: Mapping[str, Any]) -> str:
    """The page title: the ``title`` parameter, else the notebook's default title, else ""."""
    if parameters.get("title"):
        return str(parameters["title"])
    try:
        default = ast.literal_eval(str(declared.get("title", {}).get("default", "''")))
    except (ValueError, SyntaxError):
        return ""
    return default if isinstance(default, str) else ""
