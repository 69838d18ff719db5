/**
 * Text a user typed, made safe to parse: capped at the length Teams itself allows, and normalised in linear
 * time. Free of botbuilder, so every channel implementation (and the server's bot endpoint) uses the same.
 */

/**
 * The most text a Teams message can carry: "Limits and specifications for Microsoft Teams" (Messaging, chat
 * message size) gives ≈ 28 KB per message, text, links and @mentions included
 * (https://learn.microsoft.com/microsoftteams/limits-specifications-teams#chat). Anything longer did not
 * come from a Teams client; it is cut here before any regex sees it.
 */
export const MAX_MESSAGE_TEXT_CHARS = 28_000;

/** A typed command is a few words; longer text is never a command and is not normalised. */
export const MAX_COMMAND_CHARS = 200;

/** `text` cut at Teams' message size (on a code point boundary). */
export function capMessageText(text: string): string {
  if (text.length <= MAX_MESSAGE_TEXT_CHARS) return text;
  const cut = text.slice(0, MAX_MESSAGE_TEXT_CHARS);
  // Do not leave half a surrogate pair at the end.
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

const COMMAND_CHAR = /[\p{L}\p{N}?]/u;

/**
 * Lower case, single spaces, no surrounding punctuation. Linear in the text: one pass to collapse spaces,
 * then the surrounding non-word characters are counted off from each end (a regex anchored at the end, as
 * before, rescans a run of punctuation from every position in it: quadratic, issue 13).
 */
export function normaliseCommand(text: string): string {
  if (text.length > MAX_COMMAND_CHARS * 4) return '';
  const chars = Array.from(text.toLowerCase().replace(/\s+/g, ' ').trim());
  let start = 0;
  let end = chars.length;
  while (start < end && !COMMAND_CHAR.test(chars[start]!)) start += 1;
  while (end > start && !COMMAND_CHAR.test(chars[end - 1]!)) end -= 1;
  const command = chars.slice(start, end).join('');
  return command.length > MAX_COMMAND_CHARS ? '' : command;
}
