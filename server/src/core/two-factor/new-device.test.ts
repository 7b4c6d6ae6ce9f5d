import { describe, expect, it } from "vitest";
import { networkOf } from "./new-device.js";

describe("core/two-factor/new-device: networkOf", () => {
  it("keys IPv4 by its /24 and IPv4-mapped IPv6 the same way", () => {
    expect(networkOf("198.51.100.23")).toBe("198.51.100.0/24");
    expect(networkOf("198.51.100.250")).toBe("198.51.100.0/24");
    expect(networkOf("::ffff:198.51.100.7")).toBe("198.51.100.0/24");
    expect(networkOf("198.51.101.23")).toBe("198.51.101.0/24");
  });

  it("keys IPv6 by its /64, however the address is abbreviated", () => {
    expect(networkOf("2001:db8:1:2::5")).toBe("2001:db8:1:2::/64");
    expect(networkOf("2001:0db8:0001:0002:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(networkOf("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(networkOf("::1")).toBe("0:0:0:0::/64");
    expect(networkOf("2001:db8:1:3::5")).not.toBe(networkOf("2001:db8:1:2::5"));
  });

  it("answers null for no address or something that is not one", () => {
    expect(networkOf(undefined)).toBeNull();
    expect(networkOf("localhost")).toBeNull();
    expect(networkOf("999.1.1.1")).toBeNull();
  });
});
