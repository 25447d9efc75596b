import { describe, expect, it } from "vitest";
import { EXPERIMENT_TASK_IDS } from "../lesson/task-ids";
import { allTasks, findTask } from "./registry";

describe("the experiment task registry", () => {
  it("defines a task for every id the lesson format accepts, and no other", () => {
    expect(allTasks().map((task) => task.id)).toEqual([...EXPERIMENT_TASK_IDS]);
    for (const id of EXPERIMENT_TASK_IDS) expect(findTask(id)?.id).toBe(id);
  });
});
