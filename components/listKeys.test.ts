// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { listKeyAction } from './listKeys';

const key = (k: string, shiftKey = false) => ({ key: k, shiftKey });

describe('listKeyAction', () => {
  it.each([
    ['ArrowDown', 5, { kind: 'move', to: 6, extend: false }],
    ['ArrowUp', 5, { kind: 'move', to: 4, extend: false }],
    ['PageDown', 5, { kind: 'move', to: 9, extend: false }],
    ['PageUp', 5, { kind: 'move', to: 0, extend: false }],
    ['Home', 5, { kind: 'move', to: 0, extend: false }],
    ['End', 5, { kind: 'move', to: 9, extend: false }],
    ['ArrowDown', 9, { kind: 'move', to: 9, extend: false }],
    ['3', 5, { kind: 'stage', digit: 3 }],
    [']', 5, { kind: 'next-stage' }],
    ['0', 5, null],
    ['j', 5, null],
  ])('%s at row %i of 10 gives %o', (k, index, expected) => {
    expect(listKeyAction(key(k), index, 10)).toEqual(expected);
  });

  it('adds j/k and Shift to extend where the list asks for letters', () => {
    expect(listKeyAction(key('j', true), 2, 10, { letters: true })).toEqual({ kind: 'move', to: 3, extend: true });
    expect(listKeyAction(key('k'), 2, 10, { letters: true })).toEqual({ kind: 'move', to: 1, extend: false });
  });
});
