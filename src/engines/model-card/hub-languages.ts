/**
 * Language values for `language:`. The Hub takes ISO 639-1/2/3 codes (two or three lowercase
 * letters, see huggingface.js packages/languages) and a few special values; people often write the
 * language's English name or a region tag instead, which the Hub refuses (espnet_model_zoo #94/#102).
 */
export const SPECIAL_LANGUAGE_VALUES: readonly string[] = ['multilingual', 'code'];

/** English names (lowercase) of the most common languages on the Hub, with their ISO 639-1 code (639-3 where none). */
export const LANGUAGE_NAME_TO_CODE: Readonly<Record<string, string>> = {
  afrikaans: 'af', albanian: 'sq', amharic: 'am', arabic: 'ar', armenian: 'hy', assamese: 'as', azerbaijani: 'az',
  basque: 'eu', belarusian: 'be', bengali: 'bn', bangla: 'bn', bosnian: 'bs', breton: 'br', bulgarian: 'bg',
  burmese: 'my', catalan: 'ca', cebuano: 'ceb', chinese: 'zh', mandarin: 'zh', cantonese: 'yue', croatian: 'hr',
  czech: 'cs', danish: 'da', dutch: 'nl', english: 'en', esperanto: 'eo', estonian: 'et', filipino: 'fil',
  finnish: 'fi', french: 'fr', galician: 'gl', georgian: 'ka', german: 'de', greek: 'el', gujarati: 'gu',
  haitian: 'ht', hausa: 'ha', hebrew: 'he', hindi: 'hi', hungarian: 'hu', icelandic: 'is', igbo: 'ig',
  indonesian: 'id', irish: 'ga', italian: 'it', japanese: 'ja', javanese: 'jv', kannada: 'kn', kazakh: 'kk',
  khmer: 'km', kinyarwanda: 'rw', korean: 'ko', kurdish: 'ku', kyrgyz: 'ky', lao: 'lo', latin: 'la', latvian: 'lv',
  lithuanian: 'lt', luxembourgish: 'lb', macedonian: 'mk', malagasy: 'mg', malay: 'ms', malayalam: 'ml',
  maltese: 'mt', maori: 'mi', marathi: 'mr', mongolian: 'mn', nepali: 'ne', norwegian: 'no', 'norwegian bokmal': 'nb',
  'norwegian bokmål': 'nb', 'norwegian nynorsk': 'nn', bokmal: 'nb', nynorsk: 'nn', odia: 'or', oriya: 'or',
  pashto: 'ps', persian: 'fa', farsi: 'fa', polish: 'pl', portuguese: 'pt', punjabi: 'pa', romanian: 'ro',
  russian: 'ru', samoan: 'sm', sanskrit: 'sa', 'scottish gaelic': 'gd', serbian: 'sr', shona: 'sn', sindhi: 'sd',
  sinhala: 'si', slovak: 'sk', slovenian: 'sl', somali: 'so', spanish: 'es', sundanese: 'su', swahili: 'sw',
  swedish: 'sv', tagalog: 'tl', tajik: 'tg', tamil: 'ta', tatar: 'tt', telugu: 'te', thai: 'th', tibetan: 'bo',
  tigrinya: 'ti', turkish: 'tr', turkmen: 'tk', ukrainian: 'uk', urdu: 'ur', uyghur: 'ug', uzbek: 'uz',
  vietnamese: 'vi', welsh: 'cy', wolof: 'wo', xhosa: 'xh', yiddish: 'yi', yoruba: 'yo', zulu: 'zu',
};

/** Two-letter country codes written where the language code is meant; none of these is an ISO 639 code. */
const COUNTRY_FOR_LANGUAGE: Readonly<Record<string, string>> = {
  jp: 'ja', cn: 'zh', kr: 'ko', gr: 'el', dk: 'da', cz: 'cs', ua: 'uk', vn: 'vi',
};

export type LanguageVerdict = { ok: true } | { ok: false; reason: string; suggestion: string | null };

/** Whether the Hub accepts `value` in `language:`, and if not, the code the author most likely meant. */
export function checkLanguageValue(value: string): LanguageVerdict {
  if (SPECIAL_LANGUAGE_VALUES.includes(value)) return { ok: true };
  const mistaken = COUNTRY_FOR_LANGUAGE[value.toLowerCase()];
  if (mistaken) return { ok: false, reason: 'is a country code, not an ISO 639 language code', suggestion: mistaken };
  if (/^[a-z]{2,3}$/.test(value)) return { ok: true };
  if (/^[a-z]{2,3}$/i.test(value)) return { ok: false, reason: 'must be written in lowercase', suggestion: value.toLowerCase() };
  const region = /^([a-z]{2,3})[-_][a-z0-9]+$/i.exec(value);
  if (region) {
    return { ok: false, reason: 'carries a region or script; the Hub takes the bare ISO 639 code', suggestion: region[1]!.toLowerCase() };
  }
  const byName = LANGUAGE_NAME_TO_CODE[value.trim().toLowerCase()];
  if (byName) return { ok: false, reason: 'is a language name, not an ISO 639 code', suggestion: byName };
  const special = SPECIAL_LANGUAGE_VALUES.find((s) => s === value.trim().toLowerCase());
  return { ok: false, reason: 'is not an ISO 639-1, 639-2 or 639-3 code', suggestion: special ?? null };
}
