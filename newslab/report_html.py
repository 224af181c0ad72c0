"""A report as one offline HTML page: no code cells, images embedded, no stderr, no CDN scripts.

nbconvert and jinja2 are imported inside the functions, so importing newslab stays light.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from newslab.lean_imports import jupyter_imports
from newslab.report_parameters import PathArg

logger = logging.getLogger(__name__)
# nbconvert warns about every matplotlib figure ("Alternative text is missing") and adds a
# generic alt text itself; keep its errors, drop that noise.
_NBCONVERT_LOG = logging.getLogger(f"{__name__}.nbconvert")
_NBCONVERT_LOG.setLevel(logging.ERROR)


# The HTML is read offline: drop the CDN scripts (require.js, MathJax, mermaid) the lab
# template loads, so a browser without network shows no failed requests; CSS is inlined.
_OFFLINE_TEMPLATE = """{%- extends 'index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
"""


def _drop_stderr(node: Any) -> int:
    """Remove stderr stream outputs from a notebook node in place; return how many."""
    dropped = 0
    for cell in node.cells:
        outputs = cell.get("outputs", [])
        kept = [o for o in outputs if not (o.get("output_type") == "stream" and o.get("name") == "stderr")]
        dropped += len(outputs) - len(kept)
        if len(kept) != len(outputs):
            cell["outputs"] = kept
    return dropped


def html_exporter(*, warm: bool = False) -> Any:
    """The nbconvert HTML exporter as the reports use it: lab template, no code, images embedded, offline.

    Args:
        warm: Also convert a two-cell notebook once, which compiles the templates and loads
            the HTML post-processing (about a second, which :func:`run_report` spends while
            the kernel runs); the next conversion then takes only its own time.

    Returns:
        An ``nbconvert.HTMLExporter``; one exporter converts any number of notebooks.
    """
    with jupyter_imports():
        import jinja2
        import nbformat
        from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name="lab",
        template_file="newslab_offline.html.j2",
        extra_loaders=[jinja2.DictLoader({"newslab_offline.html.j2": _OFFLINE_TEMPLATE})],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
        log=_NBCONVERT_LOG,
    )
    if warm:
        sample = nbformat.v4.new_notebook()
        cell = nbformat.v4.new_code_cell("")
        cell.outputs = [nbformat.v4.new_output("display_data", data={"text/html": "<b>x</b>", "text/plain": "x"})]
        sample.cells = [nbformat.v4.new_markdown_cell("# Warm-up\n\n*a* | b\n--- | ---\n1 | 2"), cell]
        exporter.from_notebook_node(sample, resources={"metadata": {"name": "warm-up"}})
    return exporter


def write_html(notebook: PathArg, html_path: PathArg, *, title: str = "", exporter: Any = None) -> Path:
    """Render an executed notebook to a self-contained HTML page without code input.

    Images are embedded as data URIs, CSS is inlined and no script is fetched from a CDN,
    so the page reads offline. Output written to stderr (warnings, log messages, with local
    paths) is left out of the page; it stays in the executed notebook. The title is escaped
    by nbconvert. The file is written through a temporary file and renamed.

    Args:
        notebook: The executed ``.ipynb``.
        html_path: Where to write the page.
        title: Page title (default: the notebook's file name).
        exporter: An exporter made by :func:`html_exporter` (default: a new one).

    Returns:
        ``Path(html_path)``.
    """
    with jupyter_imports():
        import nbformat
    from newslab.render import atomic_write_text

    source = Path(notebook)
    target = Path(html_path)
    node = nbformat.read(source, as_version=4)
    dropped = _drop_stderr(node)
    if dropped:
        logger.warning("%d stderr output(s) left out of %s; they are in %s", dropped, target.name, source)
    resources = {"metadata": {"name": title or source.stem}}
    body, _ = (exporter or html_exporter()).from_notebook_node(node, resources=resources)
    return atomic_write_text(target, body)
