// Reads an MCAP file with @mcap/core (indexed reader and streaming reader, CRC validation on), checks the
// data-section CRC with Node's zlib.crc32, decodes every message with @foxglove/rosmsg2-serialization using the
// schema text stored in the file, and prints one JSON document. Large arrays are summarised as
// {length, sha256} so the caller can compare them with its own bytes.
// Usage: node mcap-read.js FILE.mcap
"use strict";
const fs = require("fs");
const zlib = require("zlib");
const crypto = require("crypto");
const { McapIndexedReader, McapStreamReader } = require("@mcap/core");
const { parse } = require("@foxglove/rosmsg");
const { MessageReader } = require("@foxglove/rosmsg2-serialization");
const fzstd = require("fzstd");
const lz4 = require("lz4js");

const decompressHandlers = {
  zstd: (data, size) => fzstd.decompress(data, new Uint8Array(Number(size))),
  lz4: (data, size) => new Uint8Array(lz4.decompress(data, Number(size))),
};

function summarise(value) {
  if (typeof value === "bigint") return value.toString();
  if (ArrayBuffer.isView(value)) {
    const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    if (value.length <= 16) return Array.from(value, (x) => (typeof x === "bigint" ? x.toString() : x));
    return { length: value.length, sha256: crypto.createHash("sha256").update(bytes).digest("hex") };
  }
  if (Array.isArray(value)) return value.map(summarise);
  if (value && typeof value === "object") {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = summarise(v);
    return out;
  }
  return value;
}

async function main() {
  const file = process.argv[2];
  const buf = fs.readFileSync(file);
  const readable = {
    size: async () => BigInt(buf.length),
    read: async (offset, length) => buf.subarray(Number(offset), Number(offset + length)),
  };
  const reader = await McapIndexedReader.Initialize({ readable, decompressHandlers });
  const readers = new Map();
  const out = {
    profile: reader.header.profile,
    library: reader.header.library,
    schemas: [...reader.schemasById.values()].map((s) => ({ id: s.id, name: s.name, encoding: s.encoding, text: new TextDecoder().decode(s.data) })),
    channels: [...reader.channelsById.values()].map((c) => ({ id: c.id, topic: c.topic, schemaId: c.schemaId, messageEncoding: c.messageEncoding, metadata: Object.fromEntries(c.metadata) })),
    statistics: reader.statistics ? { messageCount: reader.statistics.messageCount.toString(), chunkCount: reader.statistics.chunkCount, channelMessageCounts: Object.fromEntries([...reader.statistics.channelMessageCounts].map(([k, v]) => [k, v.toString()])) } : null,
    chunkIndexes: reader.chunkIndexes.map((c) => ({ compression: c.compression, messageIndexChannels: [...c.messageIndexOffsets.keys()] })),
    messages: [],
  };
  for await (const msg of reader.readMessages({ validateCrcs: true })) {
    const channel = reader.channelsById.get(msg.channelId);
    const schema = reader.schemasById.get(channel.schemaId);
    let r = readers.get(schema.id);
    if (!r) {
      r = new MessageReader(parse(new TextDecoder().decode(schema.data), { ros2: true }));
      readers.set(schema.id, r);
    }
    const value = r.readMessage(msg.data);
    out.messages.push({ topic: channel.topic, logTime: msg.logTime.toString(), publishTime: msg.publishTime.toString(), sequence: msg.sequence, value: summarise(value) });
  }
  // Streaming pass over the whole file with CRC validation (chunk CRCs), counting records.
  const stream = new McapStreamReader({ validateCrcs: true, decompressHandlers });
  stream.append(buf);
  const counts = {};
  let dataEndCrc = null;
  let record;
  while ((record = stream.nextRecord())) {
    counts[record.type] = (counts[record.type] || 0) + 1;
    if (record.type === "DataEnd") dataEndCrc = record.dataSectionCrc;
  }
  if (!stream.done()) throw new Error("stream reader did not reach the end of the file");
  out.streamRecordCounts = counts;
  // The data section runs from the file start up to the DataEnd record (13 bytes before the summary).
  const footerStart = buf.length - 8 - 29;
  const summaryStart = Number(buf.readBigUInt64LE(footerStart + 9));
  const dataEndOffset = (summaryStart === 0 ? footerStart : summaryStart) - 13;
  out.dataSectionCrc = { stored: dataEndCrc, computed: zlib.crc32(buf.subarray(0, dataEndOffset)) };
  process.stdout.write(JSON.stringify(out));
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e));
  process.exit(1);
});
