import type { ChangeKind, Side } from './types';

/**
 * Whether a difference breaks a partner who moves a v0 client to v1, and why. On the request side
 * the question is "is a v0-shaped request still accepted (and understood)?"; on the response side
 * "can a client written against v0 responses still read v1 responses?" (a strict client, one that
 * rejects values and types it does not know).
 */
export interface Verdict {
  breaking: boolean;
  rationale: string;
}

export interface ChangeFacts {
  where: Side;
  /** For property-added: the new property is required. For parameter-added: the parameter is. */
  required?: boolean;
  /** For status changes: the status concerned. */
  status?: string;
}

const breaks = (rationale: string): Verdict => ({ breaking: true, rationale });
const fine = (rationale: string): Verdict => ({ breaking: false, rationale });

function propertyAdded({ where, required }: ChangeFacts): Verdict {
  if (where === 'response') return fine('a tolerant reader ignores fields it does not know');
  return required
    ? breaks('v1 requires a field that v0 requests do not send')
    : fine('an optional new field does not affect v0 requests');
}

function propertyRemoved({ where }: ChangeFacts): Verdict {
  return where === 'request'
    ? breaks('v1 no longer declares a field v0 clients send: its value is dropped or rejected')
    : breaks('v0 clients read a field that v1 responses no longer document');
}

function requiredAdded({ where }: ChangeFacts): Verdict {
  return where === 'request'
    ? breaks('v0 requests that omit the field are rejected by v1')
    : fine('v1 guarantees a field v0 clients already handle as optional');
}

function requiredRemoved({ where }: ChangeFacts): Verdict {
  return where === 'request'
    ? fine('v1 accepts requests that still send the field')
    : breaks('v0 clients may rely on a field that v1 responses may omit');
}

function enumValuesAdded({ where }: ChangeFacts): Verdict {
  return where === 'request'
    ? fine('v0 clients simply do not use the new values')
    : breaks('a strict v0 client rejects values it does not know');
}

function enumValuesRemoved({ where }: ChangeFacts): Verdict {
  return where === 'request'
    ? breaks('v1 rejects values that v0 clients send')
    : fine('v0 clients never see the values any more, which they can live with');
}

function enumAdded({ where }: ChangeFacts): Verdict {
  return where === 'request'
    ? breaks('a free value is now restricted to a list: v0 values outside it are rejected')
    : fine('responses become more predictable than v0 clients assumed');
}

function enumRemoved({ where }: ChangeFacts): Verdict {
  return where === 'request'
    ? fine('any value is now accepted, v0 values included')
    : breaks('responses may hold values outside the list v0 clients expect');
}

function typeNarrowed({ where }: ChangeFacts): Verdict {
  return where === 'request'
    ? breaks('v1 rejects some types that v0 accepted')
    : fine('v1 returns a subset of the types v0 clients handle');
}

function typeWidened({ where }: ChangeFacts): Verdict {
  return where === 'request'
    ? fine('v1 accepts every type v0 accepted')
    : breaks('v1 may return a type v0 clients do not handle');
}

function typeChanged(): Verdict {
  return breaks('the type changed: neither side is compatible with the other');
}

function formatAdded({ where }: ChangeFacts): Verdict {
  return where === 'request'
    ? breaks('v1 validates a format that v0 did not: free-form v0 values may be rejected')
    : fine('v1 values follow a format, which v0 clients treating them as text still read');
}

function formatRemoved({ where }: ChangeFacts): Verdict {
  return where === 'request'
    ? fine('v1 accepts any string, formatted ones included')
    : breaks('v0 clients parsing the format may meet values that do not follow it');
}

function formatChanged(): Verdict {
  return breaks('values valid in one format are invalid in the other, both ways');
}

function constraintTightened({ where }: ChangeFacts): Verdict {
  return where === 'request'
    ? breaks('v1 rejects some values that v0 accepted')
    : fine('v1 returns a subset of what v0 clients handle');
}

function constraintLoosened({ where }: ChangeFacts): Verdict {
  return where === 'request'
    ? fine('v1 accepts everything v0 accepted')
    : breaks('v1 may return values outside the range v0 clients expect');
}

function defaultAdded(): Verdict {
  return fine('v0 requests that omit the field left it unspecified; v1 documents what it assumes');
}

function defaultRemoved({ where }: ChangeFacts): Verdict {
  return where === 'request'
    ? breaks('v0 requests that rely on the default by omitting the field no longer get it')
    : fine('a response default documents, it does not change what is sent');
}

function defaultChanged({ where }: ChangeFacts): Verdict {
  return where === 'request'
    ? breaks('v0 requests that omit the field now get a different value')
    : fine('a response default documents, it does not change what is sent');
}

function statusAdded({ status }: ChangeFacts): Verdict {
  return /^2/.test(status ?? '')
    ? breaks('a new success status is one a v0 client does not test for')
    : fine('a client handles unknown error statuses by their class (4xx/5xx)');
}

function statusRemoved({ status }: ChangeFacts): Verdict {
  return /^2/.test(status ?? '')
    ? breaks('the success status v0 clients test for is no longer returned')
    : fine('v0 clients simply never receive that error');
}

function parameterAdded({ required }: ChangeFacts): Verdict {
  return required
    ? breaks('v0 requests do not send the newly required parameter')
    : fine('an optional new parameter does not affect v0 requests');
}

function parameterRemoved(): Verdict {
  return breaks('v1 ignores or rejects a parameter v0 clients send');
}

function parameterRequiredAdded(): Verdict {
  return breaks('v0 requests that omit the parameter are rejected');
}

function parameterRequiredRemoved(): Verdict {
  return fine('v1 still accepts the parameter when sent');
}

function requestBodyAdded({ required }: ChangeFacts): Verdict {
  return required
    ? breaks('v1 needs a body that v0 requests do not send')
    : fine('the body is optional');
}

function requestBodyRemoved(): Verdict {
  return breaks('v1 ignores the body v0 clients send');
}

function requestBodyRequiredAdded(): Verdict {
  return breaks('v0 requests without a body are rejected');
}

function requestBodyRequiredRemoved(): Verdict {
  return fine('v1 still accepts a body');
}

function mediaTypeAdded({ where }: ChangeFacts): Verdict {
  return where === 'request'
    ? fine('v0 clients keep using the media types they know')
    : breaks('v1 may answer in a media type v0 clients do not parse');
}

function mediaTypeRemoved({ where }: ChangeFacts): Verdict {
  return where === 'request'
    ? breaks('v1 rejects a media type v0 clients send')
    : fine('v0 clients never receive that media type any more');
}

function headerAdded(): Verdict {
  return fine('a client ignores headers it does not know');
}

function headerRemoved(): Verdict {
  return breaks('v0 clients reading the header no longer find it documented');
}

/** One rule per kind of change; `satisfies` makes a forgotten kind a compile error. */
export const CLASSIFIERS = {
  'property-added': propertyAdded,
  'property-removed': propertyRemoved,
  'required-added': requiredAdded,
  'required-removed': requiredRemoved,
  'enum-values-added': enumValuesAdded,
  'enum-values-removed': enumValuesRemoved,
  'enum-added': enumAdded,
  'enum-removed': enumRemoved,
  'type-narrowed': typeNarrowed,
  'type-widened': typeWidened,
  'type-changed': typeChanged,
  'format-added': formatAdded,
  'format-removed': formatRemoved,
  'format-changed': formatChanged,
  'constraint-tightened': constraintTightened,
  'constraint-loosened': constraintLoosened,
  'default-added': defaultAdded,
  'default-removed': defaultRemoved,
  'default-changed': defaultChanged,
  'status-added': statusAdded,
  'status-removed': statusRemoved,
  'parameter-added': parameterAdded,
  'parameter-removed': parameterRemoved,
  'parameter-required-added': parameterRequiredAdded,
  'parameter-required-removed': parameterRequiredRemoved,
  'request-body-added': requestBodyAdded,
  'request-body-removed': requestBodyRemoved,
  'request-body-required-added': requestBodyRequiredAdded,
  'request-body-required-removed': requestBodyRequiredRemoved,
  'media-type-added': mediaTypeAdded,
  'media-type-removed': mediaTypeRemoved,
  'header-added': headerAdded,
  'header-removed': headerRemoved,
} satisfies Record<ChangeKind, (facts: ChangeFacts) => Verdict>;

export function classify(kind: ChangeKind, facts: ChangeFacts): Verdict {
  return CLASSIFIERS[kind](facts);
}
