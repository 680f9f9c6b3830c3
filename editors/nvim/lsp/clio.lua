-- Clio language server config for Neovim 0.11+: `vim.lsp.enable('clio')` once editors/nvim is on the runtimepath.

-- Filetypes whose text clio-ls can read: Markdown and its dialects, LaTeX/TeX, plain text.
local filetypes = { 'markdown', 'quarto', 'rmd', 'pandoc', 'tex', 'plaintex', 'context', 'text' }

-- clio-ls picks its parser from the language id, and reads an id it does not know as plain
-- text. Neovim sends the filetype as the id; these filetypes are Markdown under another name.
local language_ids = { pandoc = 'markdown' }

---@type vim.lsp.Config
return {
  cmd = { 'clio-ls' },
  filetypes = filetypes,
  root_markers = { '.clio', '.git' },
  get_language_id = function(_, filetype)
    return language_ids[filetype] or filetype
  end,
  settings = {
    clio = {
      checks = {
        dubiousDate = true,
        dubiousFigure = true,
        contestedFigure = true,
        anachronism = true,
        misspelledName = true,
        counterargument = true,
        notChecked = true,
      },
      severity = vim.empty_dict(),
      knowledge = { paths = {} },
      ignoreWords = {},
    },
  },
  -- The server reads the same table at start-up and again on workspace/configuration.
  before_init = function(params, config)
    params.initializationOptions = config.settings
  end,
}
