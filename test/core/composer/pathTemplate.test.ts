import { describe, expect, it } from 'vitest';
import { fillPath, matchPath, pathParamNames } from '../../../src/core/composer/pathTemplate.js';

describe('path templates', () => {
  it('lists placeholder names once, in order', () => {
    expect(pathParamNames('/a/{x}/b/{y}/{x}')).toEqual(['x', 'y']);
    expect(pathParamNames('/plain/v1')).toEqual([]);
  });

  it('fills values URL-encoded and leaves missing ones as placeholders', () => {
    expect(fillPath('/a/{x}/b/{y}', { x: 'a b/c' })).toBe('/a/a%20b%2Fc/b/{y}');
  });

  it('recovers values from a concrete path, and refuses paths of another shape', () => {
    expect(matchPath('/a/{x}/b.{y}', '/a/p%20q/b.1')).toEqual({ x: 'p q', y: '1' });
    expect(matchPath('/a/{x}/b', '/a/1/c')).toBeUndefined();
    expect(matchPath('/a/{x}/{x}', '/a/1/2')).toBeUndefined();
  });
});
