import { imageCallbackPortError, parsePorts } from './outbound-ports';

describe('outbound ports', () => {
  it('parses ports and refuses bad ones', () => {
    expect([...parsePorts('80, 443,8080')]).toEqual([80, 443, 8080]);
    expect(() => parsePorts('0')).toThrow('"0"');
    expect(() => parsePorts('65536')).toThrow('"65536"');
    expect(() => parsePorts('http')).toThrow('"http"');
    expect(() => parsePorts(' , ')).toThrow('at least one port');
  });

  it('refuses callback URLs on other ports, naming the allowed ones', () => {
    const ports = parsePorts('443,80');
    expect(imageCallbackPortError('https://hooks.example.com/cb', ports)).toBeNull();
    expect(imageCallbackPortError('http://hooks.example.com:80/cb', ports)).toBeNull();
    expect(imageCallbackPortError(undefined, ports)).toBeNull();
    expect(imageCallbackPortError('http://hooks.example.com:8080/cb', ports)).toBe(
      'callbackUrl must use port 80 or 443',
    );
  });
});
