// How deep an attribute value may nest (kvlists and arrays inside each other). One limit for every encoding:
// OTLP/JSON and OTLP/protobuf refuse the same requests with the same 400, and the query side caps what older
// versions stored, so a stored trace always opens (serialising a value thousands of levels deep overflows the stack).

/** Attribute values may nest this many levels (a plain value is level 1); deeper ones are refused. */
export const maxAttributeDepth = 64;

/** The end of every message about the limit, so senders and tests see one wording for both encodings. */
export const depthLimitMessage = `attribute value nested deeper than ${maxAttributeDepth} levels (the limit)`;

/** What a value nested beyond the limit reads as, where older versions stored it (see readStoredJson). */
export const depthMarker = `[nested deeper than ${maxAttributeDepth} levels: not shown]`;
