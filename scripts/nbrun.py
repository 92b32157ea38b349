"""Execute one notebook through Jupyter (nbclient) and judge it the way tslab needs.

tslab reports errors only as an execute_reply status and stderr text (no `error` output, no `ename`), and
aborts cells sent within 200 ms after an error. A notebook therefore fails on: a reply with status `error`
or `abort`, any stderr output, a code cell that never ran, a dead kernel, or a cell timeout. The executed
notebook (outputs and per-cell timings) is written to OUTPUT even when it fails. The last line printed is a
JSON verdict read by scripts/notebook-runner.ts.

usage: python nbrun.py INPUT OUTPUT --cwd DIR [--cell-timeout S] [--kernel tslab]
"""
import argparse
import hashlib
import json
import os
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError


class Stop(Exception):
    """Raised from the cell hook to stop at the first failing cell."""


ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# What an execution depends on besides the notebook: the compiled library (see scripts/site/freshness.ts).
LIB_DIRS = ["lib/dist", "lib/wasm"]


def file_sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def lib_sha256():
    """sha256 over the files of LIB_DIRS: each relative path, NUL, its bytes, NUL, in sorted path order."""
    h = hashlib.sha256()
    files = []
    for d in LIB_DIRS:
        for dirpath, _dirs, names in os.walk(os.path.join(ROOT, d)):
            for n in names:
                files.append(os.path.relpath(os.path.join(dirpath, n), ROOT).replace(os.sep, "/"))
    for rel in sorted(files):
        h.update(rel.encode("utf-8") + b"\0")
        with open(os.path.join(ROOT, rel), "rb") as f:
            h.update(f.read())
        h.update(b"\0")
    return h.hexdigest()


def stderr_text(cell):
    return "".join(
        o.get("text", "") for o in cell.get("outputs", []) if o.get("output_type") == "stream" and o.get("name") == "stderr"
    )


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--cwd", required=True)
    ap.add_argument("--cell-timeout", type=float, default=120)
    ap.add_argument("--kernel", default="tslab")
    args = ap.parse_args()

    source_sha256 = file_sha256(args.input)
    nb = nbformat.read(args.input, as_version=4)
    failure = None

    def on_cell_executed(cell, cell_index, execute_reply):
        nonlocal failure
        status = execute_reply["content"].get("status")
        err = stderr_text(cell)
        if status != "ok" or err:
            kind = status if status != "ok" else "stderr"
            failure = {"cell": cell_index + 1, "kind": kind, "message": err.strip() or f"execute_reply status {status}"}
            raise Stop()

    client = NotebookClient(
        nb,
        timeout=args.cell_timeout,
        kernel_name=args.kernel,
        allow_errors=True,
        record_timing=True,
        startup_timeout=60,
        resources={"metadata": {"path": args.cwd}},
        on_cell_executed=on_cell_executed,
    )
    started = time.monotonic()
    current = {"index": None}
    original = client.async_execute_cell

    async def tracked(cell, cell_index, *a, **kw):
        current["index"] = cell_index
        return await original(cell, cell_index, *a, **kw)

    client.async_execute_cell = tracked
    try:
        client.execute()
    except Stop:
        pass
    except CellTimeoutError as e:
        failure = {"cell": (current["index"] or 0) + 1, "kind": "timeout", "message": f"cell timed out after {args.cell_timeout:g} s: {str(e).splitlines()[0]}"}
    except DeadKernelError as e:
        failure = {"cell": (current["index"] or 0) + 1, "kind": "dead", "message": f"the kernel died: {e}"}
    except Exception as e:  # kernel start failure, protocol errors
        failure = {"cell": (current["index"] or -1) + 1, "kind": "runner", "message": f"{type(e).__name__}: {e}"}
    seconds = time.monotonic() - started

    code_cells = [(i, c) for i, c in enumerate(nb.cells) if c.cell_type == "code"]
    if failure is None:
        for i, c in code_cells:
            if "execution" not in c.get("metadata", {}):
                failure = {"cell": i + 1, "kind": "not-executed", "message": "the cell was never executed"}
                break
    # source_sha256 and lib_sha256 let the site build reuse this executed copy while both are unchanged.
    nb.metadata["course_execution"] = {
        "seconds": round(seconds, 3),
        "ok": failure is None,
        "source_sha256": source_sha256,
        "lib_sha256": lib_sha256(),
    }
    nbformat.write(nb, args.output)
    print(json.dumps({"ok": failure is None, "cells": len(nb.cells), "codeCells": len(code_cells), "seconds": seconds, "failure": failure}))


if __name__ == "__main__":
    sys.exit(main())
