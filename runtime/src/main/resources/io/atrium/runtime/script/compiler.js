// Runs in the compiler's own context after lib/typescript.js: checks one module against the SDK's
// declarations and the workspace's other modules, then emits it as CommonJS for the sandbox.
// Evaluates to a function(request JSON) -> answer JSON.
(function (readLib) {
  'use strict';
  const libs = new Map();
  const LIB = 'lib.es2022.d.ts';

  function libFile(name) {
    if (!libs.has(name)) {
      const text = readLib(name);
      libs.set(name, text == null ? null : ts.createSourceFile('/lib/' + name, text, ts.ScriptTarget.ES2022, true));
    }
    return libs.get(name);
  }

  function position(file, start) {
    if (!file || start === undefined) {
      return { line: 0, column: 0 };
    }
    const at = file.getLineAndCharacterOfPosition(start);
    return { line: at.line + 1, column: at.character + 1 };
  }

  function problem(file, start, code, message) {
    const at = position(file, start);
    return { line: at.line, column: at.column, code: code, message: message };
  }

  function diagnostic(d) {
    const at = position(d.file, d.start);
    return { line: at.line, column: at.column, code: 'TS' + d.code,
      message: ts.flattenDiagnosticMessageText(d.messageText, '\n') };
  }

  return function compile(requestJson) {
    const request = JSON.parse(requestJson);
    const typescript = request.language === 'typescript';
    const main = '/' + request.fileName;
    const files = new Map();
    files.set(main, request.source);
    files.set('/atrium.d.ts', request.sdk);
    for (const other of request.workspace) {
      files.set('/' + other.fileName, other.source);
    }
    const options = {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: [LIB],
      types: [],
      strict: true,
      allowJs: true,
      checkJs: false,
      noEmit: true,
      skipLibCheck: true,
      isolatedModules: true,
      forceConsistentCasingInFileNames: true,
    };
    const host = {
      getSourceFile(name) {
        if (files.has(name)) {
          return ts.createSourceFile(name, files.get(name), ts.ScriptTarget.ES2022, true);
        }
        const base = name.substring(name.lastIndexOf('/') + 1);
        return base.startsWith('lib.') ? libFile(base) || undefined : undefined;
      },
      getDefaultLibFileName: () => '/lib/' + LIB,
      writeFile: () => {},
      getCurrentDirectory: () => '/',
      getDirectories: () => [],
      fileExists: (name) => files.has(name)
        || (name.startsWith('/lib/lib.') && libFile(name.substring(5)) != null),
      readFile: (name) => files.has(name) ? files.get(name) : undefined,
      getCanonicalFileName: (name) => name,
      useCaseSensitiveFileNames: () => true,
      getNewLine: () => '\n',
    };
    const program = ts.createProgram([main, '/atrium.d.ts'], options, host);
    const file = program.getSourceFile(main);
    const problems = [];

    // imports: the SDK, or another module of the workspace by its code
    const imports = [];
    const known = new Set(request.workspace.map((w) => w.code));
    // static imports, export-from, dynamic import() (and require() in JavaScript), as the compiler saw them
    for (const literal of file.imports || []) {
      const name = literal.text;
      const ref = { pos: literal.getStart(file) };
      if (name === 'atrium') {
        continue;
      }
      const code = name.startsWith('./') ? name.substring(2) : null;
      if (code === null || !/^[a-z][a-z0-9_-]{0,63}$/.test(code)) {
        problems.push(problem(file, ref.pos, 'import',
          'A module imports only \'atrium\' and modules of its workspace as \'./code\', not \'' + name + '\''));
      } else if (code === request.code) {
        problems.push(problem(file, ref.pos, 'import', 'A module cannot import itself'));
      } else if (!known.has(code)) {
        problems.push(problem(file, ref.pos, 'import',
          'No published module \'' + code + '\' in this workspace to import'));
      } else if (!imports.includes(code)) {
        imports.push(code);
      }
    }

    const diagnostics = typescript
      ? ts.getPreEmitDiagnostics(program, file)
      : program.getSyntacticDiagnostics(file);
    for (const d of diagnostics) {
      if (d.category === ts.DiagnosticCategory.Error) {
        problems.push(diagnostic(d));
      }
    }
    if (problems.length > 0) {
      return JSON.stringify({ problems: problems });
    }

    const exports = [];
    const checker = program.getTypeChecker();
    const symbol = checker.getSymbolAtLocation(file);
    if (symbol) {
      for (const exported of checker.getExportsOfModule(symbol)) {
        const type = checker.getTypeOfSymbolAtLocation(exported, file);
        if (type.getCallSignatures().length > 0) {
          exports.push(exported.getName());
        }
      }
    }
    const output = ts.transpileModule(request.source, {
      fileName: request.fileName,
      reportDiagnostics: false,
      compilerOptions: {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.CommonJS,
        esModuleInterop: false,
        sourceMap: false,
        removeComments: false,
      },
    });
    return JSON.stringify({ javascript: output.outputText, imports: imports, exports: exports });
  };
})
