import { useEffect, useState } from 'react';
import type { Answer } from './requests.ts';
import { request } from './send.ts';

export type CustomerFile = Answer<'customer/file'>;

/** A file's people, website and the configured zone, read when a customer is shown; null until then or if it fails. */
export function useCustomerFile(customerId: number | undefined): CustomerFile | null {
  const [file, setFile] = useState<CustomerFile | null>(null);
  useEffect(() => {
    setFile(null);
    if (!customerId) return;
    let live = true;
    request('customer/file', { customerId }).then(
      (f) => live && setFile(f),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [customerId]);
  return file;
}
