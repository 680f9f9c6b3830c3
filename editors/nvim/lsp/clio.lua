-- Clio language server config for Neovim 0.11+: `vim.lsp.enable('clio')` once editors/nvim is on the runtimepath.
---@type vim.lsp.Config
return {
  cmd = { 'clio-ls' },
  filetypes = { 'markdown', 'text', 'tex', 'plaintex' },
  root_markers = { '.clio', '.git' },
  settings = {
    clio = {
      checks = {
        dubiousDate = true,
        dubiousFigure = true,
        contestedFigure = true,
        anachronism = true,
        misspelledName = true,
        counterargument = true,
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
