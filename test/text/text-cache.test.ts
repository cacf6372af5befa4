import assert from 'node:assert/strict';
import { detach } from '../../shared-rules/text/detach';
import { TextCache } from '../../shared-rules/text/text-cache';

describe('TextCache', () => {
  it('returns what was stored, also for an equal key built another way', () => {
    const c = new TextCache<number>(10, 1000);
    const doc = 'FROM alpine\nRUN apk add --no-cache curl\n';
    c.set(doc.slice(12, 40), 1);
    assert.equal(c.get('RUN apk add --no-cache curl\n'.slice(0, 28)), 1);
    c.set('RUN apk add --no-cache curl\n', 2);
    assert.equal(c.size, 1);
    assert.equal(c.get(doc.slice(12, 40)), 2);
  });

  it('creates a missing value once, from an equal copy of the key, and keeps only defined values', () => {
    const c = new TextCache<string>(10, 1000);
    const doc = 'x'.repeat(100) + 'RUN apt-get install -y curl';
    const seen: string[] = [];
    const make = (own: string) => (seen.push(own), own.length > 5 ? own.toUpperCase() : undefined);
    assert.equal(c.getOrCreate(doc.slice(100), make), 'RUN APT-GET INSTALL -Y CURL');
    assert.equal(c.getOrCreate(doc.slice(100), make), 'RUN APT-GET INSTALL -Y CURL');
    assert.deepEqual(seen, ['RUN apt-get install -y curl']);
    assert.equal(c.getOrCreate('RUN', make), undefined);
    assert.equal(c.getOrCreate('RUN', make), undefined);
    assert.equal(seen.length, 3, 'an undefined value is not kept');
    assert.equal(c.size, 1);
  });

  it('is emptied when it would pass its entry bound', () => {
    const c = new TextCache<number>(3, 1000);
    for (let i = 0; i < 3; i++) c.set(`key ${i}`, i);
    assert.equal(c.size, 3);
    c.set('key 3', 3);
    assert.equal(c.size, 1);
    assert.equal(c.get('key 0'), undefined);
    assert.equal(c.get('key 3'), 3);
  });

  it('is emptied when it would pass its character bound, and never keeps a text over an eighth of it', () => {
    const c = new TextCache<number>(100, 800);
    c.set('a'.repeat(100), 1);
    assert.equal(c.get('a'.repeat(100)), 1);
    c.set('b'.repeat(101), 2);
    assert.equal(c.get('b'.repeat(101)), undefined, 'over an eighth');
    for (let i = 0; i < 8; i++) c.set(String(i).repeat(100), i);
    assert.equal(c.size, 1, '800 characters are full: emptied before the ninth text');
    assert.equal(c.get('7'.repeat(100)), 7);
  });
});

describe('detach', () => {
  it('gives an equal string', () => {
    const doc = 'x'.repeat(1000) + 'RUN apt-get install -y curl';
    for (const s of ['', 'short', doc.slice(1000), doc, doc.slice(3, 30)]) assert.equal(detach(s), s);
  });
});
