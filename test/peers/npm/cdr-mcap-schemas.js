// Prints the schemas of an MCAP file as JSON {name: text}, read with @mcap/core (for CvM.Messages.Tests:
// our FullText must equal what real `ros2 bag record` stored).
"use strict";
const fs = require("fs");
const { McapStreamReader } = require("@mcap/core");
const fzstd = require("fzstd");
const lz4 = require("lz4js");

const reader = new McapStreamReader({
  decompressHandlers: {
    zstd: (data) => fzstd.decompress(data),
    lz4: (data, size) => lz4.decompress(data, Number(size)),
  },
});
reader.append(fs.readFileSync(process.argv[2]));
const schemas = {};
for (let record; (record = reader.nextRecord()); ) {
  if (record.type === "Schema") schemas[record.name] = { encoding: record.encoding, text: Buffer.from(record.data).toString("utf8") };
}
process.stdout.write(JSON.stringify(schemas));
