"""Start the IPython kernel of the packaged report: ``python -m newslab.kernel_launcher -f CONN``.

It imports nltk without its optional scipy and scikit-learn parts (:func:`~newslab.lean_imports.lean_nltk`,
about 1.4 s and 80 MB less per report), then starts ipykernel exactly as
``python -m ipykernel_launcher`` does, with the same arguments. Only the packaged report
notebook runs in this kernel (:func:`newslab.report.run_report` without ``notebook=``): it never
calls nltk's Fisher exact test or its scikit-learn wrapper, which do not work here. Any other
notebook gets the plain ipykernel.
"""

from __future__ import annotations

from newslab.lean_imports import lean_nltk


def main() -> None:
    """Import nltk lean, then run ipykernel's kernel application on ``sys.argv``."""
    lean_nltk()
    from ipykernel import kernelapp

    kernelapp.launch_new_instance()


if __name__ == "__main__":
    main()
