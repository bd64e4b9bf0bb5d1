// The bench's reference server: a bare fastify route answering GET and POST / (any query, any
// headers) with the bytes of one file, sent as they are with the given content type. Plain
// JavaScript, so it starts as the built CLI does. Prints "Listening on <url>" once it listens.
//   node bench/bare-server.js [reply-file] [content-type]
import { readFileSync } from "node:fs";
import { Buffer } from "node:buffer";
import Fastify from "fastify";

const [replyFile, contentType = "application/json; charset=utf-8"] = process.argv.slice(2);
const bytes = replyFile === undefined ? Buffer.from('{"ok":true}') : readFileSync(replyFile);
const app = Fastify({ logger: false });
app.route({ method: ["GET", "POST"], url: "/", handler: (_request, reply) => reply.type(contentType).send(bytes) });
await app.listen({ host: "127.0.0.1", port: 0 });
console.log(`Listening on http://127.0.0.1:${app.server.address().port}`);
