import { gunzipSync } from 'node:zlib';
import { BitstringStatusList, MIN_STATUS_LIST_LENGTH } from './bitstring-status-list';

describe('BitstringStatusList', () => {
  it('holds at least 131,072 entries, most significant bit first, gzip + multibase base64url', () => {
    const list = new BitstringStatusList();
    expect(list.length).toBe(MIN_STATUS_LIST_LENGTH);
    list.set(0, true);
    list.set(131_071, true);
    const encoded = list.encode();
    expect(encoded[0]).toBe('u');
    expect(encoded).not.toMatch(/[+/=]/);
    const bytes = gunzipSync(Buffer.from(encoded.slice(1), 'base64url'));
    expect(bytes.length).toBe(16_384);
    expect(bytes[0]).toBe(0x80);
    expect(bytes[16_383]).toBe(0x01);
    const decoded = BitstringStatusList.decode(encoded);
    expect([decoded.get(0), decoded.get(1), decoded.get(131_071)]).toEqual([true, false, true]);
    decoded.set(0, false);
    expect(decoded.get(0)).toBe(false);
  });

  it('refuses short lists, bad encodings and indexes out of range', () => {
    expect(() => new BitstringStatusList(1024)).toThrow(/at least/);
    expect(() => BitstringStatusList.decode('zabc')).toThrow(/multibase/);
    expect(() => new BitstringStatusList().get(MIN_STATUS_LIST_LENGTH)).toThrow(/outside/);
  });
});
