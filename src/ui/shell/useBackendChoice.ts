import { useEffect, useState } from "react";
import type { BackendChoice } from "../../core/backends/backend-choice";
import { SETTINGS_SCHEMA_VERSION } from "../../core/tracking/types";
import { parseBackendChoice } from "../common/BackendSelect";
import { useServices } from "../common/services-context";

/** The backend experiments use, saved in settings; `?backend=` in the URL wins over the saved setting. */
export function useBackendChoice(): [BackendChoice, (choice: BackendChoice) => void] {
  const { getRepos } = useServices();
  const fromUrl = parseBackendChoice(new URLSearchParams(location.search).get("backend"));
  const [backend, setBackend] = useState<BackendChoice>(fromUrl ?? "auto");
  useEffect(() => {
    if (fromUrl) return;
    getRepos()
      .then((repos) => repos.settings.get())
      .then(({ settings }) => setBackend(settings.backend))
      .catch(() => undefined);
  }, [fromUrl, getRepos]);
  const choose = (choice: BackendChoice) => {
    setBackend(choice);
    getRepos()
      .then((repos) => repos.settings.put({ schemaVersion: SETTINGS_SCHEMA_VERSION, key: "settings", backend: choice }))
      .catch(() => undefined);
  };
  return [backend, choose];
}
