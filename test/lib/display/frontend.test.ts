import { afterEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import { RECORD_MIME, recordCheck } from "../../../lib/src/check/recordCheck";
import { frontend, setFrontend } from "../../../lib/src/display/frontend";
import type { Frontend, MimeBundle } from "../../../lib/src/display/frontend";
import { progress } from "../../../lib/src/display/progress";
import { show } from "../../../lib/src/display/show";
import { showTable } from "../../../lib/src/display/showTable";

/** A front end that keeps what it is sent: each output as the list of its versions (one for display). */
function fakeFrontend(): Frontend & { outputs: MimeBundle[][] } {
  const outputs: MimeBundle[][] = [];
  return {
    outputs,
    display(data) {
      outputs.push([data]);
    },
    newDisplay() {
      const versions: MimeBundle[] = [];
      outputs.push(versions);
      return (data) => versions.push(data);
    },
  };
}

const fig = { data: [{ type: "scatter", y: [1, 2] }], layout: { title: { text: "T" } } };

describe("frontend", () => {
  afterEach(() => setFrontend(null));

  it("show, showTable, progress and recordCheck all send their outputs to the front end set", () => {
    const fake = fakeFrontend();
    setFrontend(fake);
    assert.equal(frontend(), fake);
    show(fig);
    showTable({ a: [1, 2] });
    const bar = progress(10, "work");
    bar.update(5);
    bar.done("end");
    recordCheck("n1", "q1", [["case", () => 2]]);
    assert.equal(fake.outputs.length, 4);
    const [figure, table, line, record] = fake.outputs;
    assert.deepEqual(Object.keys(figure[0]).sort(), [
      "application/vnd.plotly.v1+json",
      "text/html",
      "text/plain",
    ]);
    assert.match(table[0]["text/html"] as string, /<table/);
    assert.equal(line.length, 3, "one progress output, drawn at 0, 50% and done");
    assert.match(line[2]["text/html"] as string, /10\/10 \(100%\) end/);
    assert.equal(JSON.parse(record[0][RECORD_MIME] as string).question, "q1");
  });

  it("null restores tslab's front end, which outside a kernel says where displays work", () => {
    setFrontend(fakeFrontend());
    setFrontend(null);
    assert.throws(() => frontend().display({ "text/plain": "x" }), /inside a tslab notebook kernel only/);
    assert.throws(() => setFrontend({} as never), /setFrontend\(f\) needs/);
  });

  it("tslab's front end sends display_data, and display ids with updates for newDisplay", () => {
    const jupyter = require("tslab/dist/jupyter") as { lastWriteDisplayData: unknown };
    const sent: { message: { data: MimeBundle; transient: { display_id?: string } }; update: boolean }[] = [];
    jupyter.lastWriteDisplayData = (message: (typeof sent)[number]["message"], update: boolean) =>
      sent.push({ message, update });
    try {
      frontend().display({ "text/plain": "a", "text/html": "<b>a</b>" });
      const out = frontend().newDisplay();
      out({ "text/plain": "1" });
      out({ "text/plain": "2" });
      const other = frontend().newDisplay();
      other({ "text/plain": "3" });
    } finally {
      jupyter.lastWriteDisplayData = null;
    }
    assert.deepEqual(sent[0], {
      message: { data: { "text/plain": "a", "text/html": "<b>a</b>" }, metadata: {}, transient: {} },
      update: false,
    });
    assert.deepEqual(
      sent.slice(1).map((s) => s.update),
      [false, true, false],
    );
    const ids = sent.slice(1).map((s) => s.message.transient.display_id);
    assert.ok(ids[0] !== undefined && ids[0] === ids[1] && ids[2] !== ids[0], `display ids ${ids}`);
  });
});
