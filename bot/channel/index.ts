/**
 * The channel seam's selector: the bot's one way into an SDK. `SJV_BOT_SDK` (validated in ../config.ts)
 * picks the Microsoft 365 Agents SDK (`agents`, the default; ./agents/) or botbuilder (the fallback; the
 * four files beside this one). Both translate the same activities into the same Turn (docs/adr/0008).
 */
import type { CloudAdapter as BotbuilderAdapter } from 'botbuilder';
import type { CloudAdapter as AgentsAdapter } from '@microsoft/agents-hosting';
import type { BotApp } from '../app/conversation';
import type { MessageSender } from '../app/outbox/worker';
import type { BotLogger } from '../app/types';
import type { BotConfig, BotSdk } from '../config';
import { createAdapter } from './adapter';
import { createAgentsAdapter } from './agents/adapter';
import { SignaalpuntAgentsBot } from './agents/handler';
import { agentsMessagesHandler } from './agents/http';
import { AgentsSender } from './agents/proactive';
import { SignaalpuntTeamsBot } from './handler';
import type { HttpReplyLike, HttpRequestLike } from './http';
import { messagesHandler } from './http';
import { BotFrameworkSender } from './proactive';
import { withSharedReferences } from './reference';

export type { HttpReplyLike, HttpRequestLike } from './http';
export type { BotSdk } from '../config';

export type MessagesHandler = (request: HttpRequestLike, reply: HttpReplyLike) => Promise<unknown>;

interface ChannelBase {
  /** POST /api/messages */
  handler: MessagesHandler;
  /** proactive sends into stored conversations */
  sender: MessageSender;
}

/** One SDK's channel layer, assembled; `adapter` and `activityHandler` are for tests and benchmarks. */
export type Channel =
  | (ChannelBase & { sdk: 'agents'; adapter: AgentsAdapter; activityHandler: SignaalpuntAgentsBot })
  | (ChannelBase & { sdk: 'botbuilder'; adapter: BotbuilderAdapter; activityHandler: SignaalpuntTeamsBot });

export function createChannel(sdk: BotSdk, config: BotConfig, app: BotApp, log: BotLogger): Channel {
  if (sdk === 'botbuilder') {
    const adapter = createAdapter(config, log);
    // botbuilder's handler stores the reference as botbuilder makes it; the app gets the shared shape.
    const activityHandler = new SignaalpuntTeamsBot(withSharedReferences(app));
    return { sdk, adapter, activityHandler, handler: messagesHandler(adapter, activityHandler), sender: new BotFrameworkSender(adapter, config.appId) };
  }
  const adapter = createAgentsAdapter(config, log);
  const activityHandler = new SignaalpuntAgentsBot(app);
  return { sdk, adapter, activityHandler, handler: agentsMessagesHandler(adapter, activityHandler), sender: new AgentsSender(adapter, config.appId) };
}
