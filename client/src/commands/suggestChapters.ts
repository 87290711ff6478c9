import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { CHAPTER_PROMPT_REQUEST, ChapterPromptResult } from '../../../server/src/protocol';
import { episodeEditor, previewChapters } from './chapterPreview';

/**
 * Transcripts: Suggest Chapters — when the editor offers a language model (`vscode.lm`), it is asked
 * for chapters the way the site's script asks; the answer is read leniently and goes through the
 * same preview as Insert Chapters. No model, a refusal or an answer without a list: said, nothing changed.
 */
export async function suggestChapters(client: BaseLanguageClient): Promise<void> {
  const editor = episodeEditor('Suggest Chapters');
  if (!editor) return;
  const doc = editor.document;
  const model = await chooseModel();
  if (!model) return;
  const prompt = await client.sendRequest<ChapterPromptResult>(CHAPTER_PROMPT_REQUEST, { textDocument: client.code2ProtocolConverter.asTextDocumentIdentifier(doc) });
  if (!prompt.ok) {
    void vscode.window.showErrorMessage(prompt.message);
    return;
  }
  const answer = await ask(model, prompt.prompt);
  if (answer === undefined) return;
  await previewChapters(client, doc, answer, { fromModel: true, source: model.name });
}

async function chooseModel(): Promise<vscode.LanguageModelChat | undefined> {
  const lm = (vscode as { lm?: typeof vscode.lm }).lm;
  const models = lm?.selectChatModels ? await lm.selectChatModels() : [];
  if (models.length === 0) {
    void vscode.window.showWarningMessage('Suggest Chapters: this editor offers no language model (a chat extension provides one). Nothing was changed.');
    return undefined;
  }
  if (models.length === 1) return models[0];
  const picked = await vscode.window.showQuickPick(models.map((model) => ({ label: model.name, description: `${model.vendor} · ${model.family}`, model })), {
    title: 'Suggest Chapters',
    placeHolder: 'Which language model?',
  });
  return picked?.model;
}

/** The model's whole answer as text, or undefined when it refused, failed or was cancelled (said to the user). */
async function ask(model: vscode.LanguageModelChat, prompt: string): Promise<string | undefined> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Suggest Chapters: asking ${model.name}…`, cancellable: true },
    async (_progress, token) => {
      try {
        const response = await model.sendRequest([vscode.LanguageModelChatMessage.User(prompt)], { justification: 'Suggest chapters for this episode from its transcript.' }, token);
        let text = '';
        for await (const chunk of response.text) text += chunk;
        if (token.isCancellationRequested) return undefined;
        return text;
      } catch (error) {
        if (token.isCancellationRequested) return undefined;
        const why = error instanceof vscode.LanguageModelError ? `${error.message} (${error.code})` : error instanceof Error ? error.message : String(error);
        void vscode.window.showErrorMessage(`Suggest Chapters: ${model.name} did not answer: ${why}. Nothing was changed.`);
        return undefined;
      }
    },
  );
}
