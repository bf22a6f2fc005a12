/**
 * Checks a statement against the rules of xAPI 1.0.3, Part Two "Experience
 * API Data" (adlnet/xAPI-Spec, xAPI-Data.md; section numbers below). The
 * tests also run Learning Locker's validator (@learninglocker/xapi-validation,
 * what that LRS checks on every statement it receives); these rules are
 * stricter where it lets things through, such as durations finer than the
 * spec's 0.01 s (§2.4.5). Returns the broken rules; empty when the statement
 * is valid.
 */

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
/** §2.4.1: all versions of variant 2 in RFC 4122, in standard string form (lower-case hex here). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** §4.5 (IRI): an absolute IRI with a scheme. */
const IRI = /^[a-z][a-z0-9+.-]*:\/\/?[^\s]+$/i;
/** §4.2 Language Map keys: RFC 5646 language tags (the common shape: language[-region]). */
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
/** §4.6 ISO 8601 durations; §2.4.5 allows only up to 0.01 s precision. */
const DURATION = /^P(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d{1,2})?S)?)?$/;
/** §4.5 Timestamps: ISO 8601 date-time with an offset (RFC 3339 form). */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

function onlyKeys(value: Json, allowed: string[], where: string, broken: string[]) {
  for (const key of Object.keys(value))
    if (!allowed.includes(key)) broken.push(`${where}: property "${key}" is not defined (§2.2 s4.b1)`);
}

function languageMap(value: unknown, where: string, broken: string[]) {
  if (!isObject(value) || Object.keys(value).length === 0) return broken.push(`${where}: not a Language Map (§4.2)`);
  for (const [tag, text] of Object.entries(value)) {
    if (!LANGUAGE_TAG.test(tag)) broken.push(`${where}: "${tag}" is not an RFC 5646 tag (§4.2)`);
    if (typeof text !== 'string') broken.push(`${where}.${tag}: not a string (§4.2)`);
  }
}

function activity(value: unknown, where: string, broken: string[]) {
  if (!isObject(value)) return broken.push(`${where}: not an Activity`);
  onlyKeys(value, ['objectType', 'id', 'definition'], where, broken);
  if (value.objectType !== undefined && value.objectType !== 'Activity')
    broken.push(`${where}.objectType: must be "Activity" (§2.4.4.1)`);
  if (typeof value.id !== 'string' || !IRI.test(value.id)) broken.push(`${where}.id: not an IRI (§2.4.4.1)`);
  if (value.definition !== undefined) {
    const d = value.definition;
    if (!isObject(d)) return broken.push(`${where}.definition: not an object`);
    onlyKeys(
      d,
      ['name', 'description', 'type', 'moreInfo', 'extensions', 'interactionType', 'correctResponsesPattern'],
      `${where}.definition`,
      broken,
    );
    if (d.name !== undefined) languageMap(d.name, `${where}.definition.name`, broken);
    if (d.description !== undefined) languageMap(d.description, `${where}.definition.description`, broken);
    if (d.type !== undefined && (typeof d.type !== 'string' || !IRI.test(d.type)))
      broken.push(`${where}.definition.type: not an IRI (§2.4.4.1 table 2)`);
  }
}

/** The rules this statement breaks (empty when valid). */
export function xapiViolations(statement: unknown): string[] {
  const broken: string[] = [];
  if (!isObject(statement)) return ['statement: not an object'];
  const s = statement;
  onlyKeys(
    s,
    [
      'id',
      'actor',
      'verb',
      'object',
      'result',
      'context',
      'timestamp',
      'stored',
      'authority',
      'version',
      'attachments',
    ],
    'statement',
    broken,
  );
  // §2.2 s4.b? : values are never null.
  if (JSON.stringify(s).includes(':null')) broken.push('statement: a property is null (§2.2)');
  if (s.id !== undefined && (typeof s.id !== 'string' || !UUID.test(s.id)))
    broken.push('id: not a variant-2 UUID (§2.4.1)');
  if ('stored' in s || 'authority' in s) broken.push('stored/authority: set by the LRS (§2.4.8, §2.4.9)');
  if ('version' in s) broken.push('version: not recommended for a Learning Record Provider (§2.4.10)');

  // §2.4.2 Actor: an Agent with exactly one Inverse Functional Identifier.
  const actor = s.actor;
  if (!isObject(actor)) broken.push('actor: required (§2.4)');
  else {
    onlyKeys(actor, ['objectType', 'name', 'mbox', 'mbox_sha1sum', 'openid', 'account'], 'actor', broken);
    if (actor.objectType !== undefined && actor.objectType !== 'Agent') broken.push('actor.objectType: "Agent"');
    const ifis = ['mbox', 'mbox_sha1sum', 'openid', 'account'].filter((k) => k in actor);
    if (ifis.length !== 1) broken.push(`actor: ${ifis.length} Inverse Functional Identifiers, must be 1 (§2.4.2.1)`);
    if ('name' in actor)
      broken.push('actor.name: the opaque account must not carry a name (Langkah: no personal data)');
    const account = actor.account;
    if (account !== undefined) {
      if (!isObject(account)) broken.push('actor.account: not an object (§2.4.2.4)');
      else {
        onlyKeys(account, ['homePage', 'name'], 'actor.account', broken);
        if (typeof account.homePage !== 'string' || !/^https?:\/\/\S+$/.test(account.homePage))
          broken.push('actor.account.homePage: not an IRL (§2.4.2.4)');
        if (typeof account.name !== 'string' || account.name === '')
          broken.push('actor.account.name: required string (§2.4.2.4)');
      }
    }
  }

  // §2.4.3 Verb: id IRI, display a Language Map.
  const verb = s.verb;
  if (!isObject(verb)) broken.push('verb: required (§2.4)');
  else {
    onlyKeys(verb, ['id', 'display'], 'verb', broken);
    if (typeof verb.id !== 'string' || !IRI.test(verb.id)) broken.push('verb.id: not an IRI (§2.4.3)');
    if (verb.id === 'http://adlnet.gov/expapi/verbs/voided') broken.push('verb: voided is reserved (§2.3.2)');
    if (verb.display !== undefined) languageMap(verb.display, 'verb.display', broken);
  }

  // §2.4.4 Object.
  activity(s.object, 'object', broken);

  // §2.4.5 Result.
  const result = s.result;
  if (result !== undefined) {
    if (!isObject(result)) broken.push('result: not an object (§2.4.5)');
    else {
      onlyKeys(result, ['score', 'success', 'completion', 'response', 'duration', 'extensions'], 'result', broken);
      if (result.success !== undefined && typeof result.success !== 'boolean')
        broken.push('result.success: boolean (§2.4.5)');
      if (result.completion !== undefined && typeof result.completion !== 'boolean')
        broken.push('result.completion: boolean (§2.4.5)');
      if (result.duration !== undefined && (typeof result.duration !== 'string' || !DURATION.test(result.duration)))
        broken.push('result.duration: ISO 8601 duration with at most 0.01 s precision (§2.4.5, §4.6)');
      const score = result.score;
      if (score !== undefined) {
        if (!isObject(score)) broken.push('result.score: not an object (§2.4.5.1)');
        else {
          onlyKeys(score, ['scaled', 'raw', 'min', 'max'], 'result.score', broken);
          const { scaled, raw, min, max } = score as Record<string, number | undefined>;
          for (const [k, v] of Object.entries(score))
            if (typeof v !== 'number' || !Number.isFinite(v)) broken.push(`result.score.${k}: a decimal number`);
          if (scaled !== undefined && (scaled < -1 || scaled > 1)) broken.push('result.score.scaled: -1..1 (§2.4.5.1)');
          if (min !== undefined && max !== undefined && !(min < max)) broken.push('result.score: min < max (§2.4.5.1)');
          if (raw !== undefined && min !== undefined && raw < min) broken.push('result.score.raw: ≥ min (§2.4.5.1)');
          if (raw !== undefined && max !== undefined && raw > max) broken.push('result.score.raw: ≤ max (§2.4.5.1)');
        }
      }
    }
  }

  // §2.4.6 Context.
  const context = s.context;
  if (context !== undefined) {
    if (!isObject(context)) broken.push('context: not an object (§2.4.6)');
    else {
      onlyKeys(
        context,
        [
          'registration',
          'instructor',
          'team',
          'contextActivities',
          'revision',
          'platform',
          'language',
          'statement',
          'extensions',
        ],
        'context',
        broken,
      );
      if (
        context.language !== undefined &&
        (typeof context.language !== 'string' || !LANGUAGE_TAG.test(context.language))
      )
        broken.push('context.language: an RFC 5646 tag (§2.4.6)');
      if (context.platform !== undefined && typeof context.platform !== 'string')
        broken.push('context.platform: a string (§2.4.6)');
      const ca = context.contextActivities;
      if (ca !== undefined) {
        if (!isObject(ca)) broken.push('context.contextActivities: not an object (§2.4.6.2)');
        else
          for (const [key, list] of Object.entries(ca)) {
            if (!['parent', 'grouping', 'category', 'other'].includes(key))
              broken.push(`context.contextActivities.${key}: not a context type (§2.4.6.2)`);
            const items = Array.isArray(list) ? list : [list];
            for (const [i, a] of items.entries()) activity(a, `context.contextActivities.${key}[${i}]`, broken);
          }
      }
      if (context.extensions !== undefined) {
        if (!isObject(context.extensions)) broken.push('context.extensions: not an object (§4.3)');
        else
          for (const key of Object.keys(context.extensions))
            if (!IRI.test(key)) broken.push(`context.extensions: key "${key}" is not an IRI (§4.3)`);
      }
    }
  }

  // §2.4.7 Timestamp.
  if (s.timestamp !== undefined && (typeof s.timestamp !== 'string' || !TIMESTAMP.test(s.timestamp)))
    broken.push('timestamp: ISO 8601 with an offset (§2.4.7, §4.5)');
  return broken;
}
