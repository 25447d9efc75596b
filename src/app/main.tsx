import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { ServicesProvider } from "../ui/common/services-context";
import { AppShell } from "../ui/shell/AppShell";
import { appServices } from "./app-services";
import "../ui/styles.css";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <ServicesProvider services={appServices}>
      <AppShell />
    </ServicesProvider>
  </StrictMode>,
);
