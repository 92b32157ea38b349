"""The kernel driver of jupyter/runner.ts: executes a list of cells in one fresh tslab kernel and reports
what happened.

Reads a plan (JSON) on stdin, prints one JSON result on stdout. It trusts nothing the kernel says beyond
"this cell's reply arrived" and the outputs it sent: the grader's scores are decided by the TypeScript
grader, from the check records of each test cell (display_data of RECORD_MIME carrying that cell's nonce).

Per cell: a timeout (interrupt with SIGINT, then kill and restart the kernel if the interrupt does not
return), a byte cap on kept output (text beyond it is dropped and the cell marked truncated; a rich output
that does not fit, such as a plotly figure, is replaced by a one-line note), a hard cap on received output (the
cell is interrupted; an update of a display replaces it), a resident-memory watchdog on the kernel process, and death detection. After a kill
or a death the kernel is restarted and the cells that succeeded before are replayed (outputs discarded),
then execution continues with the next cell. The whole plan has a wall-clock cap. With stopOnFailure (the
lessons' runs) the first cell that does not succeed, or writes to stderr, ends the run instead. Each cell's
result carries Jupyter's timestamps (busy, execute_input, execute_reply, idle) and its execution count.

plan: {kernelName, cwd, ipcDir?, cellTimeout, notebookTimeout, cellOutputCap, notebookOutputCap, hardOutputCap,
       memoryCapMb, maxRestarts, stopOnFailure, recordMime, cells: [{key, source, nonce?}]}
"""
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from queue import Empty

from jupyter_client.manager import KernelManager

AFTER_ERROR_PAUSE = 0.3  # tslab aborts cells sent within 200 ms after an error


def timestamp(msg):
    """The ISO time a message was sent (jupyter_client parses the header's date)."""
    d = msg.get("header", {}).get("date")
    return d.isoformat() if hasattr(d, "isoformat") else str(d)


class Fatal(Exception):
    """The kernel is gone or stuck: restart it."""

    def __init__(self, status, message):
        super().__init__(message)
        self.status = status
        self.message = message


def rss_mb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return 0
    return 0


def tree_rss_mb(root):
    """Resident memory of a process and all its descendants (the kernel may run under unshare and sh)."""
    children = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(d))
        except (OSError, ValueError, IndexError):
            pass
    total, todo = 0, [root]
    while todo:
        p = todo.pop()
        total += rss_mb(p)
        todo.extend(children.get(p, []))
    return total


class Runner:
    def __init__(self, plan):
        self.plan = plan
        self.km = None
        self.kc = None
        self.stderr_file = tempfile.TemporaryFile()
        self.restarts = 0
        self.events = []
        self.notebook_bytes = 0
        self.deadline = time.monotonic() + plan["notebookTimeout"]
        self.last_error_at = 0.0

    # kernel lifecycle
    def start(self):
        ipc = self.plan.get("ipcDir")
        if ipc:
            # A sandboxed kernel (no network): Unix sockets. tslab binds "k:<port>", jupyter_client connects
            # to "k-<port>": links made before the kernel starts (zmq retries until the socket exists).
            d = os.path.join(ipc, str(self.restarts))
            os.makedirs(d, exist_ok=True)
            self.km = KernelManager(kernel_name=self.plan["kernelName"], transport="ipc", ip=os.path.join(d, "k"), connection_file=os.path.join(d, "kernel.json"))
            self.km.write_connection_file()
            for port in (self.km.shell_port, self.km.iopub_port, self.km.stdin_port, self.km.control_port, self.km.hb_port):
                os.symlink(f"k:{port}", os.path.join(d, f"k-{port}"))
        else:
            self.km = KernelManager(kernel_name=self.plan["kernelName"])
        # The kernel's own stdout goes with its stderr: it must never mix into the result this driver prints,
        # nor share (and make non-blocking, as Node does) the pipe that carries it.
        self.km.start_kernel(cwd=self.plan["cwd"], stdin=subprocess.DEVNULL, stdout=self.stderr_file, stderr=self.stderr_file)
        self.kc = self.km.client()
        self.kc.allow_stdin = False
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=60)
        # The connection file holds the kernel's ports and signing key: other submissions' kernels run as
        # the same user, so it must not stay readable once the kernel has read it.
        try:
            os.remove(self.km.connection_file)
        except OSError:
            pass

    def pid(self):
        try:
            return self.km.provisioner.process.pid
        except Exception:
            return None

    def stop(self):
        try:
            if self.kc:
                self.kc.stop_channels()
        except Exception:
            pass
        try:
            if self.km:
                self.km.shutdown_kernel(now=True)
        except Exception:
            pid = self.pid()
            if pid:
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass
        self.km = None
        self.kc = None

    def kernel_stderr_tail(self):
        try:
            self.stderr_file.seek(0, os.SEEK_END)
            size = self.stderr_file.tell()
            self.stderr_file.seek(max(0, size - 4000))
            return self.stderr_file.read().decode("utf8", "replace")
        except Exception:
            return ""

    def death_reason(self):
        tail = self.kernel_stderr_tail()
        if "heap out of memory" in tail or "Allocation failed" in tail:
            return "the kernel ran out of memory (JavaScript heap limit)"
        code = None
        try:
            code = self.km.provisioner.process.poll()
        except Exception:
            pass
        if code is not None and code < 0:
            return f"the kernel was killed by signal {-code}"
        if code is not None and code > 128:  # under sh: 128 + the signal
            return f"the kernel was killed by signal {code - 128}"
        if code is not None:
            return f"the kernel exited with code {code} (process.exit or a fatal error)"
        return "the kernel stopped responding"

    # one cell
    def execute(self, source, nonce, keep_outputs=True, timeout=None):
        """Returns {status, outputs, stderr, records, truncated, seconds, message}; raises Fatal."""
        cap = self.plan["cellOutputCap"]
        hard_cap = self.plan["hardOutputCap"]
        mime = self.plan["recordMime"]
        timeout = timeout if timeout is not None else self.plan["cellTimeout"]
        wait = self.last_error_at + AFTER_ERROR_PAUSE - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        started = time.monotonic()
        msg_id = self.kc.execute(source, store_history=True, allow_stdin=False, stop_on_error=False)
        outputs, records, stderr_parts = [], [], []
        displays = {}  # display_id -> indices in outputs (an update replaces them, as in nbclient)
        kept = 0
        received = 0
        truncated = False
        reply = None
        idle = False
        interrupted_at = None
        flood = False
        cell_deadline = min(started + timeout, self.deadline)
        pid = self.pid()
        mem_cap = self.plan["memoryCapMb"]
        next_mem_check = 0.0
        timing = {}
        while not (reply is not None and idle):
            now = time.monotonic()
            if interrupted_at is None and now > cell_deadline:
                self.km.interrupt_kernel()
                interrupted_at = now
            if interrupted_at is not None and now > interrupted_at + 3:
                raise Fatal("timeout", "the cell did not stop after an interrupt; the kernel was killed")
            if not self.km.is_alive():
                raise Fatal("dead", self.death_reason())
            if pid and mem_cap and now > next_mem_check:
                next_mem_check = now + 0.2
                if tree_rss_mb(pid) > mem_cap:
                    raise Fatal("dead", f"the kernel used more than {mem_cap} MB of memory and was killed")
            if reply is None:
                try:
                    m = self.kc.get_shell_msg(timeout=0.01)
                    if m["parent_header"].get("msg_id") == msg_id:
                        reply = m["content"]
                        timing["shell.execute_reply"] = timestamp(m)
                except Empty:
                    pass
            try:
                m = self.kc.get_iopub_msg(timeout=0.05)
            except Empty:
                continue
            if m["parent_header"].get("msg_id") != msg_id:
                # What an earlier cell left behind (an unawaited rejection, a timer's exception) comes under that
                # cell's request while this one runs: it is stderr all the same and must not be lost.
                if not (m["msg_type"] == "stream" and m["content"].get("name") == "stderr"):
                    continue
            t = m["msg_type"]
            c = m["content"]
            if t == "status":
                idle = c.get("execution_state") == "idle"
                timing["iopub.status.idle" if idle else "iopub.status.busy"] = timestamp(m)
                continue
            if t == "execute_input":
                timing["iopub.execute_input"] = timestamp(m)
            if t not in ("stream", "display_data", "update_display_data", "execute_result", "error"):
                continue
            if "application/vnd.plotly.v1+json" in c.get("data", {}):
                # A plotly figure is drawn from its JSON; its HTML copy may inline all of plotly.js.
                c = {**c, "data": {k: v for k, v in c["data"].items() if k != "text/html"}}
            size = len(json.dumps(c))
            received += size
            if t == "display_data" and mime in c.get("data", {}):
                if nonce is not None and len(records) < 10000:
                    raw = c["data"][mime]
                    try:
                        rec = json.loads(raw) if isinstance(raw, str) else raw
                    except ValueError:
                        rec = None
                    if isinstance(rec, dict) and rec.get("nonce") == nonce:
                        records.append(rec)
                continue
            if t == "stream" and c.get("name") == "stderr":
                if sum(len(s) for s in stderr_parts) < cap:
                    stderr_parts.append(c.get("text", ""))
            if received > hard_cap and not flood:
                flood = True
                truncated = True
                if interrupted_at is None:
                    self.km.interrupt_kernel()
                    interrupted_at = time.monotonic()
            if not keep_outputs:
                continue
            display_id = (c.get("transient") or {}).get("display_id")
            if t == "update_display_data" and display_id in displays:
                if kept + size <= cap and self.notebook_bytes + size <= self.plan["notebookOutputCap"]:
                    for k in displays[display_id]:
                        outputs[k]["data"] = c.get("data", {})
                        outputs[k]["metadata"] = c.get("metadata", {})
                    kept += size
                    self.notebook_bytes += size
                continue
            if kept + size > cap or self.notebook_bytes + size > self.plan["notebookOutputCap"]:
                if t in ("display_data", "update_display_data", "execute_result"):
                    # A figure or a rich table too large to keep: a short note takes its place (not a
                    # truncation: the cell's printed text is all kept).
                    kinds = ", ".join(sorted(str(k) for k in c.get("data", {}).keys()))[:200]
                    note = f"[a rich output of {size / 1024:.0f} KB ({kinds}) is not kept in the graded copy]"
                    if kept + len(note) <= cap and self.notebook_bytes + len(note) <= self.plan["notebookOutputCap"]:
                        outputs.append({"output_type": "display_data", "data": {"text/plain": note}, "metadata": {}})
                        kept += len(note)
                        self.notebook_bytes += len(note)
                    continue
                truncated = True
                if t == "stream":
                    room = max(0, min(cap - kept, self.plan["notebookOutputCap"] - self.notebook_bytes))
                    if room > 0:
                        text = c.get("text", "")[:room]
                        outputs.append({"output_type": "stream", "name": c["name"], "text": text})
                        kept += len(text)
                        self.notebook_bytes += len(text)
                continue
            kept += size
            self.notebook_bytes += size
            if t == "stream":
                if outputs and outputs[-1]["output_type"] == "stream" and outputs[-1]["name"] == c["name"]:
                    outputs[-1]["text"] += c.get("text", "")
                else:
                    outputs.append({"output_type": "stream", "name": c["name"], "text": c.get("text", "")})
            elif t in ("display_data", "update_display_data"):
                if display_id is not None:
                    displays.setdefault(display_id, []).append(len(outputs))
                outputs.append({"output_type": "display_data", "data": c.get("data", {}), "metadata": c.get("metadata", {})})
            elif t == "execute_result":
                outputs.append({"output_type": "execute_result", "data": c.get("data", {}), "metadata": c.get("metadata", {}), "execution_count": c.get("execution_count")})
            elif t == "error":
                outputs.append({"output_type": "error", "ename": c.get("ename", ""), "evalue": c.get("evalue", ""), "traceback": c.get("traceback", [])})
        status = reply.get("status", "error")
        message = ""
        if flood:
            message = "output limit exceeded; the cell was interrupted"
        elif interrupted_at is not None:
            status = "timeout"
            message = f"the cell exceeded its {timeout:g} s limit and was interrupted"
        if status != "ok":
            self.last_error_at = time.monotonic()
        if truncated:
            notice = "\n[output truncated by the grader]\n"
            outputs.append({"output_type": "stream", "name": "stdout", "text": notice})
        return {
            "status": status,
            "outputs": outputs,
            "stderr": "".join(stderr_parts)[:cap],
            "records": records,
            "truncated": truncated,
            "seconds": round(time.monotonic() - started, 3),
            "message": message,
            "execution_count": reply.get("execution_count"),
            "timing": timing,
        }

    def restart_and_replay(self, done):
        """Fresh kernel, then the cells that succeeded before (outputs discarded). False if that fails."""
        self.stop()
        self.restarts += 1
        if self.restarts > self.plan["maxRestarts"]:
            self.events.append("too many kernel restarts: execution stopped")
            return False
        try:
            self.start()
            for cell in done:
                r = self.execute(cell["source"], None, keep_outputs=False)
                if r["status"] != "ok":
                    self.events.append(f"replay of cell {cell['key']} after the restart failed ({r['status']})")
                    return False
        except Fatal as e:
            self.events.append(f"replay after the restart failed: {e.message}")
            return False
        except Exception as e:
            self.events.append(f"the kernel could not be restarted: {type(e).__name__}: {e}")
            return False
        return True

    def run(self):
        results = []
        cells = self.plan["cells"]
        done = []  # cells that succeeded, for replay after a restart
        started = time.monotonic()
        try:
            self.start()
        except Exception as e:
            self.stop()
            return {"started": False, "message": f"the kernel did not start: {type(e).__name__}: {e}", "cells": [], "restarts": 0, "events": self.events, "seconds": 0}
        alive = True
        stopped = None  # why the rest is not run (stopOnFailure)
        for i, cell in enumerate(cells):
            if stopped:
                results.append({"key": cell["key"], "status": "skipped", "outputs": [], "stderr": "", "records": [], "truncated": False, "seconds": 0, "message": stopped})
                continue
            if not alive:
                results.append({"key": cell["key"], "status": "skipped", "outputs": [], "stderr": "", "records": [], "truncated": False, "seconds": 0, "message": "not run: the kernel could not be recovered"})
                continue
            if time.monotonic() > self.deadline:
                results.append({"key": cell["key"], "status": "skipped", "outputs": [], "stderr": "", "records": [], "truncated": False, "seconds": 0, "message": f"not run: the notebook exceeded its {self.plan['notebookTimeout']:g} s limit"})
                continue
            try:
                r = self.execute(cell["source"], cell.get("nonce"))
                if r["status"] == "abort":  # sent too soon after an error: once more
                    time.sleep(AFTER_ERROR_PAUSE)
                    r = self.execute(cell["source"], cell.get("nonce"))
                r["key"] = cell["key"]
                results.append(r)
                if r["status"] == "ok":
                    done.append(cell)
                if self.plan.get("stopOnFailure") and (r["status"] != "ok" or r["stderr"]):
                    stopped = "not run: an earlier cell failed"
            except Fatal as e:
                self.events.append(f"cell {cell['key']}: {e.message}")
                results.append({"key": cell["key"], "status": e.status, "outputs": [], "stderr": "", "records": [], "truncated": False, "seconds": 0, "message": e.message})
                if self.plan.get("stopOnFailure"):
                    stopped = "not run: an earlier cell failed"
                else:
                    alive = self.restart_and_replay(done)
        self.stop()
        return {"started": True, "cells": results, "restarts": self.restarts, "events": self.events, "seconds": round(time.monotonic() - started, 3)}


def main():
    plan = json.load(sys.stdin)
    runner = Runner(plan)

    def on_term(signum, frame):
        runner.stop()
        sys.exit(3)

    signal.signal(signal.SIGTERM, on_term)
    try:
        result = runner.run()
    finally:
        runner.stop()
    os.set_blocking(sys.stdout.fileno(), True)
    sys.stdout.write(json.dumps(result))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
