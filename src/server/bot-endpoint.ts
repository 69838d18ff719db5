/**
 * The bot endpoint `/api/messages`. `loadBotEndpoint` returns the bot's handler (bot/), which authenticates
 * Bot Framework activities itself (Bot Framework tokens, not this API's bearer tokens). Before any channel
 * implementation sees an activity, this file checks it — the same for every SDK:
 * - its shape (zod): a body that is not an activity is a 400 problem, never a 500 with a stack in the log;
 * - its text, cut at Teams' own message size before anything parses it (bot/app/text.ts);
 * - without authentication (local mode, no bot app id) only a loopback serviceUrl: the server posts replies
 *   there and stores it as the user's conversation reference.
 * Without a bot the route answers 501 with a coded problem.
 */
import { BlockList } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { z } from 'zod';
import { createBotEndpoint } from '../../bot';
import { capMessageText } from '../../bot/app/text';
import type { Config } from '../config';
import type { Signaalpunt } from '../core/service';
import type { ServerStore } from './server-store';
import { HttpProblem } from './problems';
import { userWriteLimit } from './write-limit';

export const BOT_ENDPOINT_PATH = '/api/messages';

/** `close` (when present) stops the bot's background work; the server calls it when it stops. */
export type BotEndpoint = ((request: FastifyRequest, reply: FastifyReply) => Promise<unknown>) & { close?: () => Promise<void> };

export interface BotEndpointDeps {
  config: Config;
  store: ServerStore;
  service: Signaalpunt;
  logger?: Logger;
}

const channelAccount = z.looseObject({ id: z.string().min(1).max(1024), name: z.string().max(1024).optional(), aadObjectId: z.string().max(256).optional() });

/**
 * The fields every incoming activity carries (Bot Framework Activity schema: type, channelId, serviceUrl,
 * from, recipient, conversation), with the types the bot reads. Other fields pass through unchanged.
 */
export const IncomingActivity = z.looseObject({
  type: z.string().min(1).max(64),
  id: z.string().max(1024).optional(),
  channelId: z.string().min(1).max(64),
  serviceUrl: z.url({ protocol: /^https?$/ }).max(2048),
  from: channelAccount,
  recipient: channelAccount,
  conversation: z.looseObject({ id: z.string().min(1).max(1024), conversationType: z.string().max(64).optional() }),
  text: z.string().optional(),
  locale: z.string().max(64).optional(),
  name: z.string().max(256).optional(),
});
export type IncomingActivity = z.infer<typeof IncomingActivity>;

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** A serviceUrl on this machine: 127.0.0.0/8, ::1 or localhost. */
export function isLoopbackServiceUrl(serviceUrl: string): boolean {
  let host: string;
  try {
    host = new URL(serviceUrl).hostname.toLowerCase();
  } catch {
    return false;
  }
  if (host === 'localhost') return true;
  if (host.startsWith('[') && host.endsWith(']')) return LOOPBACK.check(host.slice(1, -1), 'ipv6');
  return /^\d{1,3}(?:\.\d{1,3}){3}$/.test(host) && LOOPBACK.check(host, 'ipv4');
}

/**
 * Checks an activity for a bot endpoint: the activity to hand to the SDK (text capped), or a 400 problem.
 * `authenticated` is false when the bot has no app id (local mode): then only loopback serviceUrls pass.
 */
export function checkActivity(body: unknown, authenticated: boolean): IncomingActivity {
  const parsed = IncomingActivity.safeParse(body);
  if (!parsed.success) {
    const fields = parsed.error.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), issue: i.code.toUpperCase() }));
    throw new HttpProblem('HTTP.BAD_REQUEST', { reason: 'INVALID_ACTIVITY', fields });
  }
  const activity = parsed.data;
  if (!authenticated && !isLoopbackServiceUrl(activity.serviceUrl)) {
    throw new HttpProblem('HTTP.BAD_REQUEST', { reason: 'SERVICE_URL_NOT_LOOPBACK', fields: [{ path: 'serviceUrl', issue: 'NOT_LOOPBACK' }] });
  }
  if (activity.text !== undefined) activity.text = capMessageText(activity.text);
  return activity;
}

/** The bot's handler for this server (bot/, issue 4), or undefined when production has no bot app configured. */
export async function loadBotEndpoint(deps: BotEndpointDeps): Promise<BotEndpoint | undefined> {
  const bot = createBotEndpoint({
    mode: deps.config.mode,
    store: deps.store,
    service: deps.service,
    writeLimit: userWriteLimit(deps.config.http.writeRateLimitPerMinute),
    ...(deps.logger ? { log: deps.logger } : {}),
  });
  if (!bot) return undefined;
  const endpoint = async (request: FastifyRequest, reply: FastifyReply): Promise<unknown> => {
    const activity = checkActivity(request.body, bot.authenticates);
    return bot({ body: activity, headers: request.headers, method: request.method }, reply);
  };
  return Object.assign(endpoint, { close: () => bot.close() });
}

export const notImplementedBotEndpoint: BotEndpoint = async () => {
  throw new HttpProblem('HTTP.NOT_IMPLEMENTED', { reason: 'BOT_NOT_CONFIGURED' });
};
