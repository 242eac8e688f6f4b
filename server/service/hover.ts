import type { Hover } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Lang } from '../rules/types';
import type { ParsedFile } from './tree';

export function hoverAt(_doc: TextDocument, _parsed: ParsedFile, _offset: number, _lang: Lang): Hover | null {
  return null;
}
