import type { ScopeTier } from "../generated/prisma/client.js";

export const SCOPE_CATALOGUE: readonly { key: string; description: string; tier: ScopeTier }[] = [
  { key: "userinfo", description: "Your name, e-mail address and profile picture", tier: "BASIC" },
  { key: "useraddresses", description: "Your postal addresses, to read and update", tier: "VERIFIED" },
  { key: "providers", description: "Your linked login providers and social profiles", tier: "VERIFIED" },
];

/** The public projects `GET /api/global/projects` lists, in the XWMS project shape. */
export const PROJECTS: readonly {
  slug: string;
  title: string;
  description: string;
  link: string;
  image: string;
  sortOrder: number;
  isNew?: boolean;
  categories: string[];
}[] = [
  {
    slug: "gatehouse",
    image: "https://gatehouse.dev/images/gatehouse.png",
    title: "Gatehouse",
    description: "One account for people, one integration for partners.",
    link: "https://gatehouse.dev",
    sortOrder: 1,
    categories: ["Identity"],
  },
  {
    slug: "gatehouse-sdks",
    image: "https://gatehouse.dev/images/gatehouse-sdks.png",
    title: "Gatehouse SDKs",
    description: "Client libraries for the XWMS-compatible redirect login and partner API.",
    link: "https://gatehouse.dev/sdks",
    sortOrder: 2,
    isNew: true,
    categories: ["Developer tools", "Identity"],
  },
  {
    slug: "gatehouse-status",
    image: "https://gatehouse.dev/images/gatehouse-status.png",
    title: "Gatehouse Status",
    description: "Live availability of the login and partner API.",
    link: "https://status.gatehouse.dev",
    sortOrder: 3,
    categories: ["Operations"],
  },
];
