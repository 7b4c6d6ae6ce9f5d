import "i18next";
import type { Catalogues } from "./resources";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "common";
    resources: Catalogues;
    returnNull: false;
  }
}
