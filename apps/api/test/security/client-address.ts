import { Agent } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';

/**
 * Requests from another client address without trusting any proxy header: the whole of 127.0.0.0/8
 * is loopback, so a socket bound to 127.0.0.N reaches the api as a different client.
 */
export function fromAddress(app: INestApplication, address: string) {
  const agent = new Agent({ localAddress: address });
  const server = app.getHttpServer();
  return {
    post: (path: string) => request(server).post(path).agent(agent),
    get: (path: string) => request(server).get(path).agent(agent),
    patch: (path: string) => request(server).patch(path).agent(agent),
  };
}
