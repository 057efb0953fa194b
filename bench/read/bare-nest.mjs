// The baseline: a bare NestJS 12 (express) app answering each benchmarked path with the very JSON
// body Gallery gave for it, from memory. No database, session, guards or middleware: what Nest
// itself costs per request on this machine. Plain ESM (Nest 12 is ESM-only) with the decorators
// applied by hand, so it runs without a TypeScript decorator transform. Bodies arrive over IPC.
import 'reflect-metadata';
import { Controller, Get, Module, Req, Res } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

let bodies = {};

class BodiesController {
  serve(req, res) {
    const body = bodies[req.originalUrl];
    if (body === undefined) res.status(404).end();
    else res.type('application/json').send(body);
  }
}
const serve = Object.getOwnPropertyDescriptor(BodiesController.prototype, 'serve');
Req()(BodiesController.prototype, 'serve', 0);
Res()(BodiesController.prototype, 'serve', 1);
Get('*path')(BodiesController.prototype, 'serve', serve);
Controller()(BodiesController);

class BareModule {}
Module({ controllers: [BodiesController] })(BareModule);

process.once('message', async (message) => {
  bodies = message.bodies;
  const app = await NestFactory.create(BareModule, { logger: false });
  await app.listen(0, '127.0.0.1');
  process.send({ port: app.getHttpServer().address().port });
});
process.on('disconnect', () => process.exit(0));
