// ROS 2 CDR peer for CvM.Messages.Tests: decodes, re-encodes and encodes messages with Foxglove's
// @foxglove/rosmsg (parse), @foxglove/rosmsg2-serialization (MessageReader/MessageWriter) and
// @foxglove/cdr (CdrWriter, for big-endian payloads).
//
// stdin: JSON array of requests {id, fullText, op, data?, value?, utf8Writer?}
//   op "decode":    data (base64 CDR) -> decoded (tagged JSON) + reencoded (base64, MessageWriter)
//   op "encode":    value (tagged JSON) -> encoded (base64, MessageWriter, little endian)
//   op "encode-be": value (tagged JSON) -> encoded (base64, big-endian CDR written field by field
//                   with @foxglove/cdr's CdrWriter, kind CDR_BE)
//   utf8Writer: @foxglove/cdr 3.5.0's CdrWriter.string() writes the UTF-16 length of a string, not its
//   UTF-8 byte count, so non-ASCII strings come out truncated. When true, MessageWriter runs with
//   string() writing UTF-8 byte counts (the reader is never changed).
// stdout: JSON array of {id, ok, error?, decoded?, reencoded?, encoded?}
// Tagged JSON: {"$b": base64} for uint8/byte/char arrays, {"$f": "NaN"|"Infinity"|"-Infinity"} for
// non-finite floats, {"$i": "decimal"} for 64-bit integers.
"use strict";
const { parse } = require("@foxglove/rosmsg");
const { MessageReader, MessageWriter } = require("@foxglove/rosmsg2-serialization");
const { CdrWriter, EncapsulationKind } = require("@foxglove/cdr");

const originalString = CdrWriter.prototype.string;
const encoder = new TextEncoder();
function utf8String(value, writeLength = true) {
  const bytes = encoder.encode(value);
  if (writeLength) this.uint32(bytes.length + 1);
  for (const b of bytes) this.uint8(b);
  this.uint8(0);
  return this;
}

function toTagged(v) {
  if (typeof v === "bigint") return { $i: v.toString() };
  if (typeof v === "number") return Number.isFinite(v) ? v : { $f: String(v) };
  if (v instanceof Uint8Array) return { $b: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("base64") };
  if (ArrayBuffer.isView(v)) return Array.from(v, toTagged);
  if (Array.isArray(v)) return v.map(toTagged);
  if (v !== null && typeof v === "object") {
    const o = {};
    for (const [k, x] of Object.entries(v)) o[k] = toTagged(x);
    return o;
  }
  return v;
}

function fromTagged(v) {
  if (Array.isArray(v)) return v.map(fromTagged);
  if (v !== null && typeof v === "object") {
    if ("$b" in v) return new Uint8Array(Buffer.from(v.$b, "base64"));
    if ("$f" in v) return Number(v.$f);
    if ("$i" in v) return BigInt(v.$i);
    const o = {};
    for (const [k, x] of Object.entries(v)) o[k] = fromTagged(x);
    return o;
  }
  return v;
}

const cache = new Map();
function codecs(fullText) {
  let c = cache.get(fullText);
  if (!c) {
    const defs = parse(fullText, { ros2: true });
    c = { defs, byName: new Map(defs.map((d) => [d.name ?? "", d.definitions])), reader: new MessageReader(defs), writer: new MessageWriter(defs) };
    cache.set(fullText, c);
  }
  return c;
}

function writeFieldsBE(byName, fields, value, w) {
  for (const f of fields) {
    if (f.isConstant === true) continue;
    const v = value?.[f.name];
    if (f.isArray === true) {
      const arr = v ?? [];
      if (f.arrayLength === undefined) w.sequenceLength(arr.length);
      for (const e of arr) writeOneBE(byName, f, e, w);
    } else {
      writeOneBE(byName, f, v, w);
    }
  }
}

function writeOneBE(byName, f, v, w) {
  if (f.isComplex === true) return writeFieldsBE(byName, byName.get(f.type), v, w);
  switch (f.type) {
    case "bool": return w.uint8(v ? 1 : 0);
    case "int8": return w.int8(v);
    case "uint8": return w.uint8(v);
    case "int16": return w.int16(v);
    case "uint16": return w.uint16(v);
    case "int32": return w.int32(v);
    case "uint32": return w.uint32(v);
    case "int64": return w.int64(BigInt(v));
    case "uint64": return w.uint64(BigInt(v));
    case "float32": return w.float32(v);
    case "float64": return w.float64(v);
    case "string": return utf8String.call(w, v ?? "");
    case "time":
    case "duration":
      w.int32(v.sec);
      return w.uint32(v.nanosec);
    default: throw new Error("unsupported type " + f.type);
  }
}

function handle(req) {
  const c = codecs(req.fullText);
  CdrWriter.prototype.string = req.utf8Writer === true ? utf8String : originalString;
  try {
    switch (req.op) {
      case "decode": {
        const bytes = Buffer.from(req.data, "base64");
        const msg = c.reader.readMessage(bytes);
        const re = c.writer.writeMessage(msg);
        return { decoded: toTagged(msg), reencoded: Buffer.from(re).toString("base64") };
      }
      case "encode":
        return { encoded: Buffer.from(c.writer.writeMessage(fromTagged(req.value))).toString("base64") };
      case "encode-be": {
        const w = new CdrWriter({ kind: EncapsulationKind.CDR_BE });
        writeFieldsBE(c.byName, c.defs[0].definitions, fromTagged(req.value), w);
        return { encoded: Buffer.from(w.data).toString("base64") };
      }
      default:
        throw new Error("unknown op " + req.op);
    }
  } finally {
    CdrWriter.prototype.string = originalString;
  }
}

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (d) => (input += d));
process.stdin.on("end", () => {
  const out = JSON.parse(input).map((req) => {
    try {
      return { id: req.id, ok: true, ...handle(req) };
    } catch (e) {
      return { id: req.id, ok: false, error: String(e && e.stack ? e.stack : e) };
    }
  });
  process.stdout.write(JSON.stringify(out));
});
