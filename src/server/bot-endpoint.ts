/**
 * The bot endpoint `/api/messages`. The Teams bot (its own issue) fills in `loadBotEndpoint`: it returns the
 * handler that runs a Bot Framework activity (authenticated by the bot adapter with Bot Framework tokens,
 * not by this API's bearer tokens). Until then the route answers 501 with a coded problem.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { createBotEndpoint } from '../../bot';
import type { Config } from '../config';
import type { Signaalpunt } from '../core/service';
import type { Store } from '../core/ports';
import { HttpProblem } from './problems';

export const BOT_ENDPOINT_PATH = '/api/messages';

/** `close` (when present) stops the bot's background work; the server calls it when it stops. */
export type BotEndpoint = ((request: FastifyRequest, reply: FastifyReply) => Promise<unknown>) & { close?: () => Promise<void> };

export interface BotEndpointDeps {
  config: Config;
  store: Store;
  service: Signaalpunt;
  logger?: Logger;
}

/** The bot's handler for this server (bot/, issue 4), or undefined when production has no bot app configured. */
export async function loadBotEndpoint(deps: BotEndpointDeps): Promise<BotEndpoint | undefined> {
  return createBotEndpoint({ mode: deps.config.mode, store: deps.store, service: deps.service, ...(deps.logger ? { log: deps.logger } : {}) });
}

export const notImplementedBotEndpoint: BotEndpoint = async () => {
  throw new HttpProblem('HTTP.NOT_IMPLEMENTED', { reason: 'BOT_NOT_CONFIGURED' });
};
