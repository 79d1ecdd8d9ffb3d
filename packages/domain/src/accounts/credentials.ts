/**
 * What a new user's e-mail address and password must be (docs/decisions.md §29): the one statement of
 * the rule. The server's schemas are built from these, the OpenAPI document publishes them (minLength,
 * maxLength, pattern), and the web checks a form against the document's copy before a round trip.
 */

/** A new password's length in characters: at least 8 (a guess-resistant floor), at most 200. */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 200;

/** The longest e-mail address a mail path carries (RFC 5321: 254 characters). */
export const EMAIL_MAX_LENGTH = 254;

/**
 * An e-mail address: dot-separated local words (letters, digits, _ ' + -), an @, then a domain of labels
 * and a top-level name of two letters or more — the form the server has always accepted. No flags, so
 * OpenAPI clients compile it the same with or without `u`.
 * @example EMAIL_PATTERN.test('ana.lopez+shop@example.com') // true; 'ana..lopez@example.com', 'ana@example' // false
 */
export const EMAIL_PATTERN =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
