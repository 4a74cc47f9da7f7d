/** Thrown when the build output is not what a post-build step relies on. */
export class BuildError extends Error {}

/** Fails the build with `message` unless `condition` holds. */
export function require(condition, message) {
  if (!condition) throw new BuildError(message);
}

/** The single match of `pattern` in `text`; fails the build on none or several. */
export function matchOnce(text, pattern, what) {
  const flags = pattern.flags.includes("g") ? pattern.flags : pattern.flags + "g";
  const matches = [...text.matchAll(new RegExp(pattern.source, flags))];
  require(matches.length === 1, `expected exactly one ${what}, found ${matches.length} (pattern ${pattern})`);
  return matches[0];
}
