/**
 * Text from the file placed inside a comment of the output (a name, a key, a region) made single-line: a line
 * break in a value must not end a `#` or `//` comment and turn the rest of the value into HCL, shell or JavaScript.
 * Every control character and the JavaScript line terminators U+2028/U+2029 become `\uNNNN`. A tunnel's line in a
 * plan or a confirmation (cloud/tunnel/planText.ts) is made single-line the same way.
 */
export function singleLine(text: string): string {
  return text.replace(
    /[\u0000-\u001f\u007f\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
