import type { ScopeTier } from "../generated/prisma/client.js";

export const SCOPE_CATALOGUE: readonly { key: string; description: string; tier: ScopeTier }[] = [
  { key: "userinfo", description: "Your name, e-mail address and profile picture", tier: "BASIC" },
  { key: "useraddresses", description: "Your postal addresses, to read and update", tier: "VERIFIED" },
  { key: "providers", description: "Your linked login providers and social profiles", tier: "VERIFIED" },
];

export const PROJECTS: readonly { slug: string; name: string; description: string; url: string; sortOrder: number }[] =
  [
    {
      slug: "gatehouse",
      name: "Gatehouse",
      description: "One account for people, one integration for partners.",
      url: "https://gatehouse.dev",
      sortOrder: 1,
    },
    {
      slug: "gatehouse-sdks",
      name: "Gatehouse SDKs",
      description: "Client libraries for the XWMS-compatible redirect login and partner API.",
      url: "https://gatehouse.dev/sdks",
      sortOrder: 2,
    },
    {
      slug: "gatehouse-status",
      name: "Gatehouse Status",
      description: "Live availability of the login and partner API.",
      url: "https://status.gatehouse.dev",
      sortOrder: 3,
    },
  ];
