import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router/dom";
import { Provider } from "urql";
import "./i18n/i18n";
import { applyRememberedTheme } from "./lib/theme";
import { client } from "./lib/urql";
import { router } from "./router";
import "./styles.css";

applyRememberedTheme();

const root = document.getElementById("root");
if (!root) throw new Error("The #root element is missing from index.html");

createRoot(root).render(
  <StrictMode>
    <Provider value={client}>
      <RouterProvider router={router} />
    </Provider>
  </StrictMode>,
);
