"""The private kernel of a report run: this very interpreter, its files in a private folder.

The kernel always runs :data:`sys.executable` (a kernelspec written for the run), so no
user-level ``python3`` kernelspec is needed or used. It runs with IPython history off and a
private IPython folder, and its connection file (which holds the session key) and sockets live
in a private temporary folder (:data:`KERNEL_DIR_PREFIX`) that is removed when the run ends.

jupyter_client is imported inside :func:`kernel_manager_class`, so importing newslab stays light.
"""

from __future__ import annotations

import contextlib
import importlib.resources
import json
import os
import shutil
import sys
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

from newslab.report_folders import write_marker

#: Name of the private kernelspec that runs :data:`sys.executable`.
KERNEL_NAME = "newslab-current-python"


#: File that marks a private kernel folder (connection file, sockets) as newslab's.
KERNEL_MARKER = "newslab-kernel.json"


#: Prefix of the private kernel folders in the system temporary folder.
KERNEL_DIR_PREFIX = "nlk-"


def write_kernelspec(folder: Path) -> Path:
    """A kernelspec that starts an IPython kernel in this very interpreter (and sees this newslab).

    The kernel keeps no history (the parameters cell holds article paths and titles) and uses
    a private IPython folder inside ``folder``, so it neither reads the user's startup files
    nor writes to ``~/.ipython``.
    """
    spec_dir = folder / KERNEL_NAME
    spec_dir.mkdir(parents=True)
    package_root = str(Path(str(importlib.resources.files("newslab"))).parent)
    pythonpath = os.pathsep.join(p for p in (package_root, os.environ.get("PYTHONPATH", "")) if p)
    spec = {
        "argv": [
            sys.executable,
            "-m",
            "ipykernel_launcher",
            "-f",
            "{connection_file}",
            "--HistoryManager.enabled=False",
        ],
        "display_name": f"Python {sys.version_info.major}.{sys.version_info.minor} (newslab)",
        "language": "python",
        "env": {
            "PYTHONPATH": pythonpath,
            "NEWSLAB_PROGRESS": "0",  # no tqdm bars inside reports
            "IPYTHONDIR": str(folder / "ipython"),
            "JUPYTER_RUNTIME_DIR": str(folder / "runtime"),
        },
        "metadata": {"debugger": False},
    }
    (spec_dir / "kernel.json").write_text(json.dumps(spec, indent=1), encoding="utf-8")
    return spec_dir


@contextlib.contextmanager
def kernel_manager_class() -> Iterator[type]:
    """A kernel manager class bound to a private folder (kernelspec, connection file, sockets).

    The folder is removed when the context ends, whatever happens; its marker lets a later
    run remove it when a killed process could not.
    """
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import default

    tmp = tempfile.mkdtemp(prefix=KERNEL_DIR_PREFIX)
    try:
        write_marker(Path(tmp), KERNEL_MARKER)
        use_ipc = os.name == "posix" and len(tmp) < 80
        write_kernelspec(Path(tmp))

        class CurrentPythonKernelManager(AsyncKernelManager):
            """Looks kernels up only in the private folder, never in user or system kernelspecs."""

            @default("kernel_spec_manager")
            def _private_kernel_spec_manager(self) -> KernelSpecManager:
                return KernelSpecManager(kernel_dirs=[tmp])

            # The connection file holds the session key: keep it in the private folder (the
            # default is a file in TMPDIR that a killed run leaves behind).
            @default("connection_file")
            def _private_connection_file(self) -> str:
                return os.path.join(tmp, f"kernel-{uuid.uuid4().hex[:12]}.json")

            # Unix sockets in the private folder where available: nothing listens on a TCP port
            # (and ipykernel does not warn about unencrypted TCP); short paths stay under the
            # 107-byte socket path limit.
            @default("transport")
            def _local_transport(self) -> str:
                return "ipc" if use_ipc else "tcp"

            @default("ip")
            def _local_ip(self) -> str:
                return os.path.join(tmp, "ipc") if use_ipc else "127.0.0.1"

        yield CurrentPythonKernelManager
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
