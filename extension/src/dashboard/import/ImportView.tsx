import type { ImportField, ImportPreview, ImportReport } from '@dossier/shared';
import { useEffect, useState } from 'react';
import { useI18n } from '../../platform/i18n/react.tsx';
import { FailureNote } from '../common/Failure.tsx';
import { type Failure, useDashboard } from '../common/state.tsx';
import { FileChooser } from './FileChooser.tsx';
import { LayoutBar } from './LayoutBar.tsx';
import { MappingTable } from './MappingTable.tsx';
import {
  type Choices,
  type Decision,
  manualSteps,
  mappingOf,
  NO_CHOICES,
  remap,
  requestOf,
  withLayout,
} from './mapping.ts';
import { PreviewLists } from './PreviewLists.tsx';
import { ReportView } from './ReportView.tsx';
import { uploadFile } from './upload.ts';

type Stage =
  | { step: 'choose' }
  | { step: 'upload'; name: string; share: number }
  | { step: 'preview'; name: string; uploadId: number }
  | { step: 'report'; report: ImportReport };

/**
 * Customers from the files people already have: choose or drop one, see how it is read (header
 * row, columns, what each row becomes and why), change what was misread, import all or nothing,
 * keep the report.
 */
export function ImportView() {
  const { m } = useI18n();
  const t = m.dashboard.import;
  const { api, notify } = useDashboard();
  const [stage, setStage] = useState<Stage>({ step: 'choose' });
  const [choices, setChoices] = useState<Choices>(NO_CHOICES);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  // The mapping the server guessed for the current sheet and header row: what a change is counted against.
  const [guessed, setGuessed] = useState<(ImportField | null)[] | null>(null);
  const [reading, setReading] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  const uploadId = stage.step === 'preview' ? stage.uploadId : null;
  useEffect(() => {
    if (!api || uploadId === null) return;
    let live = true;
    setReading(true);
    setFailure(null);
    void api.previewImport(requestOf(uploadId, choices)).then((r) => {
      if (!live) return;
      setReading(false);
      if (!r.ok) return setFailure(r.failure);
      setPreview(r.value);
      if (!choices.mapping) setGuessed(mappingOf(r.value));
    });
    return () => {
      live = false;
    };
  }, [api, uploadId, choices]);

  const start = async (file: File) => {
    if (!api) return setFailure({ kind: 'not_configured' });
    setPreview(null);
    setChoices(NO_CHOICES);
    setFailure(null);
    setStage({ step: 'upload', name: file.name, share: 0 });
    const r = await uploadFile(api, file, (share) => setStage({ step: 'upload', name: file.name, share }));
    if (!r.ok) {
      setFailure(r.failure);
      return setStage({ step: 'choose' });
    }
    setStage({ step: 'preview', name: file.name, uploadId: r.value });
  };

  const commit = async () => {
    if (!api || uploadId === null) return;
    setReading(true);
    const r = await api.commitImport({ ...requestOf(uploadId, choices), idempotencyKey: crypto.randomUUID() });
    setReading(false);
    if (!r.ok) return setFailure(r.failure);
    notify({ message: t.counts.create(r.value.created) });
    setStage({ step: 'report', report: r.value });
  };

  const again = () => {
    setStage({ step: 'choose' });
    setPreview(null);
    setChoices(NO_CHOICES);
  };
  const decide = (rows: number[], d: Decision | null) => {
    const decisions = new Map(choices.decisions);
    for (const row of rows) {
      if (d) decisions.set(row, d);
      else decisions.delete(row);
    }
    setChoices({ ...choices, decisions });
  };
  const mapping = choices.mapping ?? guessed ?? [];
  const writes = preview
    ? preview.counts.total - preview.counts.invalid - preview.counts.unplaced - preview.counts.lines
    : 0;

  return (
    <div className="import-view">
      <div className="view-head">
        <h1>{t.title}</h1>
      </div>
      {stage.step === 'report' ? (
        <ReportView report={stage.report} onAnother={again} />
      ) : (
        <>
          <p className="muted">{t.intro}</p>
          {stage.step === 'choose' && <FileChooser onFile={(f) => void start(f)} />}
          {stage.step === 'upload' && <p aria-busy="true">{t.uploading(Math.round(stage.share * 100))}</p>}
          {failure && <FailureNote failure={failure} />}
          {stage.step === 'preview' && (
            <>
              <p>
                <strong>{t.chosen(stage.name)}</strong>{' '}
                <button type="button" className="link" onClick={again}>
                  {t.another}
                </button>
              </p>
              {!preview && reading && <p aria-busy="true">{t.reading}</p>}
              {preview && (
                <>
                  <LayoutBar
                    preview={preview}
                    busy={reading}
                    steps={manualSteps(choices, guessed)}
                    onSheet={(sheet) => setChoices(withLayout(choices, { sheet }))}
                    onHeaderRow={(headerRow) => setChoices(withLayout(choices, { headerRow }))}
                  />
                  <MappingTable
                    preview={preview}
                    mapping={mapping}
                    busy={reading}
                    onChange={(i, f) => setChoices({ ...choices, mapping: remap(mapping, i, f) })}
                  />
                  <PreviewLists preview={preview} decisions={choices.decisions} busy={reading} onDecide={decide} />
                  <div className="actions import-commit">
                    {writes > 0 ? (
                      <>
                        <button type="button" className="primary" disabled={reading} onClick={() => void commit()}>
                          {reading ? t.committing : t.commit(writes)}
                        </button>
                        <span className="muted small">{t.allOrNothing}</span>
                      </>
                    ) : (
                      <p className="muted">{t.nothing}</p>
                    )}
                  </div>
                </>
              )}
            </>
          )}
        </>
      )}
    </div>
  );
}
