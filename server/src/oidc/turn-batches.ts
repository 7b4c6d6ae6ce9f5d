type Call<In, Out> = { input: In; resolve: (output: Out) => void; reject: (error: unknown) => void };

/**
 * Calls made while a batch is open join it; `answer` runs once for the whole batch when `schedule` fires, and
 * each caller gets its own output (or the batch's error). A batch of `limit` calls is closed at once.
 */
export function batched<In, Out>(
  schedule: (flush: () => void) => void,
  limit: number,
  answer: (inputs: In[]) => Promise<Out[]>,
): (input: In) => Promise<Out> {
  let open: Call<In, Out>[] | undefined;
  const flush = async (calls: Call<In, Out>[]) => {
    try {
      const outputs = await answer(calls.map((call) => call.input));
      for (const [index, call] of calls.entries()) call.resolve(outputs[index] as Out);
    } catch (error) {
      for (const call of calls) call.reject(error);
    }
  };
  return (input) =>
    new Promise<Out>((resolve, reject) => {
      if (!open) {
        const calls: Call<In, Out>[] = [];
        open = calls;
        schedule(() => {
          if (open === calls) open = undefined;
          void flush(calls);
        });
      }
      open.push({ input, resolve, reject });
      if (open.length >= limit) open = undefined;
    });
}
