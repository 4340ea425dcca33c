const WORDS = [
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
];
const NUMBER = `(\\d{1,2}|${WORDS.join('|')})`;
const VERB =
  /\b(?:generate|create|make|draw|render|produce|design|paint|give me|show me)\s+(?:a set of\s+|a series of\s+)?/;
const NOUN =
  /\s+(?:[a-z-]+\s+){0,3}?(?:images?|pictures?|photos?|scenes?|variations?|versions?|illustrations?|frames?|panels?|shots?|posters?|portraits?|views?)\b/;
const AFTER_VERB = new RegExp(VERB.source + NUMBER + '\\b', 'i');
const BEFORE_NOUN = new RegExp('\\b' + NUMBER + NOUN.source, 'i');

/**
 * How many images a prompt names ("Generate 4 seasonal scenes" → 4, "three posters" → 3), between
 * 1 and 15, or 1 when it names none. Mimics how Seedream's `auto` mode reads the prompt.
 */
export function imagesNamedInPrompt(prompt: string): number {
  const match = AFTER_VERB.exec(prompt) ?? BEFORE_NOUN.exec(prompt);
  if (!match) return 1;
  const token = match[1]!.toLowerCase();
  const n = /^\d+$/.test(token) ? Number(token) : WORDS.indexOf(token) + 1;
  return Math.min(15, Math.max(1, n));
}
