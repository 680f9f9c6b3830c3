-- Clio for Neovim: require('clio').setup(opts) starts clio-ls for essays (0.9+) and keeps code lenses fresh.
local M = {}

local defaults = {
  cmd = { 'clio-ls' },
  filetypes = { 'markdown', 'text', 'tex', 'plaintex' },
  root_markers = { '.clio', '.git' },
  settings = nil, -- a `clio` table, merged over lsp/clio.lua's defaults
  codelens = true,
}

M.config = vim.deepcopy(defaults)

local function base_config()
  local ok, cfg = pcall(dofile, vim.api.nvim_get_runtime_file('lsp/clio.lua', false)[1] or '')
  if ok and type(cfg) == 'table' then
    return cfg
  end
  return { settings = { clio = {} } }
end

--- The settings table sent to the server.
function M.settings()
  local s = vim.deepcopy(base_config().settings or { clio = {} })
  if M.config.settings then
    s.clio = vim.tbl_deep_extend('force', s.clio or {}, M.config.settings.clio or M.config.settings)
  end
  return s
end

local function refresh_codelens(bufnr)
  if not M.config.codelens or not vim.lsp.codelens then
    return
  end
  for _, client in ipairs(vim.lsp.get_clients({ bufnr = bufnr, name = 'clio' })) do
    if client.server_capabilities.codeLensProvider then
      pcall(vim.lsp.codelens.refresh, { bufnr = bufnr })
      return
    end
  end
end

local function attach_codelens()
  local group = vim.api.nvim_create_augroup('clio_codelens', { clear = true })
  vim.api.nvim_create_autocmd({ 'LspAttach' }, {
    group = group,
    callback = function(args)
      local client = vim.lsp.get_client_by_id(args.data.client_id)
      if client and client.name == 'clio' then
        refresh_codelens(args.buf)
        vim.api.nvim_create_autocmd({ 'BufEnter', 'InsertLeave', 'TextChanged' }, {
          group = group,
          buffer = args.buf,
          callback = function() refresh_codelens(args.buf) end,
        })
      end
    end,
  })
end

--- Starts Clio for essay buffers. On 0.11+ uses vim.lsp.config/enable; on 0.9/0.10 vim.lsp.start.
function M.setup(opts)
  M.config = vim.tbl_deep_extend('force', vim.deepcopy(defaults), opts or {})
  local settings = M.settings()
  attach_codelens()
  if vim.lsp.config and vim.lsp.enable then
    vim.lsp.config('clio', {
      cmd = M.config.cmd,
      filetypes = M.config.filetypes,
      root_markers = M.config.root_markers,
      settings = settings,
      before_init = function(params, config) params.initializationOptions = config.settings end,
    })
    vim.lsp.enable('clio')
    return
  end
  local group = vim.api.nvim_create_augroup('clio_start', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = M.config.filetypes,
    callback = function(args)
      local found = vim.fs.find(M.config.root_markers, { upward = true, path = vim.api.nvim_buf_get_name(args.buf) })[1]
      vim.lsp.start({
        name = 'clio',
        cmd = M.config.cmd,
        root_dir = found and vim.fs.dirname(found) or vim.fn.getcwd(),
        settings = settings,
        init_options = settings,
      }, { bufnr = args.buf })
    end,
  })
end

--- Looks a name up and returns the card's Markdown (or nil).
function M.lookup(name, bufnr)
  bufnr = bufnr or 0
  for _, client in ipairs(vim.lsp.get_clients({ bufnr = bufnr, name = 'clio' })) do
    local res = client:request_sync('workspace/executeCommand', { command = 'clio.lookup', arguments = { name } }, 5000, bufnr)
    if res and res.result and res.result.markdown then
      return res.result.markdown
    end
  end
  return nil
end

return M
