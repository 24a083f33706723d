// Writes an MCAP file with @mcap/core's McapWriter from a JSON job on stdin, serialising each message with
// @foxglove/rosmsg2-serialization's MessageWriter from the given ros2msg schema text.
// Job: { compression: "none" | "lz4", chunked: bool, chunkSize, schemas: [{name, text}],
//        channels: [{topic, schema, qos}], messages: [{topic, logTime, publishTime, value}] }
// Byte arrays in values are given as {bytesBase64}; times as strings of nanoseconds.
// Usage: node mcap-write.js OUT.mcap < job.json
"use strict";
const fs = require("fs");
const { McapWriter } = require("@mcap/core");
const { parse } = require("@foxglove/rosmsg");
const { MessageWriter } = require("@foxglove/rosmsg2-serialization");
const lz4 = require("lz4js");

function revive(value) {
  if (Array.isArray(value)) return value.map(revive);
  if (value && typeof value === "object") {
    if (typeof value.bytesBase64 === "string") return new Uint8Array(Buffer.from(value.bytesBase64, "base64"));
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = revive(v);
    return out;
  }
  return value;
}

class BufferWritable {
  constructor() { this.chunks = []; this.pos = 0n; }
  position() { return this.pos; }
  async write(buffer) { this.chunks.push(Buffer.from(buffer)); this.pos += BigInt(buffer.byteLength); }
}

async function main() {
  const job = JSON.parse(fs.readFileSync(0, "utf8"));
  const writable = new BufferWritable();
  const options = { writable, useChunks: job.chunked !== false, chunkSize: job.chunkSize || 1024 * 1024 };
  if (job.compression === "lz4") {
    options.compressChunk = (data) => ({ compression: "lz4", compressedData: new Uint8Array(lz4.compress(data)) });
  }
  const writer = new McapWriter(options);
  await writer.start({ profile: "ros2", library: "@mcap/core test peer" });
  const schemaIds = new Map();
  const writers = new Map();
  for (const s of job.schemas) {
    const id = await writer.registerSchema({ name: s.name, encoding: "ros2msg", data: new TextEncoder().encode(s.text) });
    schemaIds.set(s.name, id);
    writers.set(s.name, new MessageWriter(parse(s.text, { ros2: true })));
  }
  const channels = new Map();
  for (const c of job.channels) {
    const id = await writer.registerChannel({ topic: c.topic, schemaId: schemaIds.get(c.schema), messageEncoding: "cdr", metadata: new Map([["offered_qos_profiles", c.qos || ""]]) });
    channels.set(c.topic, { id, schema: c.schema, sequence: 0 });
  }
  for (const m of job.messages) {
    const c = channels.get(m.topic);
    const data = writers.get(c.schema).writeMessage(revive(m.value));
    await writer.addMessage({ channelId: c.id, sequence: c.sequence++, logTime: BigInt(m.logTime), publishTime: BigInt(m.publishTime), data });
  }
  await writer.end();
  fs.writeFileSync(process.argv[2], Buffer.concat(writable.chunks));
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e));
  process.exit(1);
});
